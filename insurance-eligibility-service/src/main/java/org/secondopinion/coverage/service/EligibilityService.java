package org.secondopinion.coverage.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.secondopinion.coverage.config.CoverageConfig;
import org.secondopinion.coverage.domain.BenefitUsage;
import org.secondopinion.coverage.domain.Determination;
import org.secondopinion.coverage.domain.Member;
import org.secondopinion.coverage.domain.Origin;
import org.secondopinion.coverage.domain.Plan;
import org.secondopinion.coverage.domain.SelfPayPrice;
import org.secondopinion.coverage.repository.BenefitUsageRepository;
import org.secondopinion.coverage.repository.DeterminationRepository;
import org.secondopinion.coverage.repository.DeterminationRepository.Facts;
import org.secondopinion.coverage.rest.EligibilityCheckRequest;
import org.secondopinion.coverage.service.CoverageRules.Decision;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.CoverageDetermined;
import org.secondopinion.events.EligibilityAnswer;
import org.secondopinion.events.EligibilityInquiry;
import org.secondopinion.events.MalformedEventException;
import org.secondopinion.events.Uuids;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.Money;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.outbox.EventPublisher;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.PageView;

/**
 * Eligibility determinations: a patient's check before a case, and the determination for each submitted
 * case, from the plan rules kept here or from the insurer's answer to an inquiry.
 */
@ApplicationScoped
public class EligibilityService {

    static final String RESOURCE = "eligibility-determination";

    @Inject
    DeterminationRepository determinations;

    @Inject
    Sql sql;

    @Inject
    BenefitUsageRepository usages;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    PayerScope scope;

    @Inject
    CoverageConfig config;

    /** The inputs of one determination, whichever way it was asked. */
    record Inputs(String payerId, String memberId, String groupNumber, String firstName, String lastName, LocalDate dateOfBirth,
            String specialtyCode, boolean surgeryRecommended, LocalDate dateOfService) {
    }

    /** A patient's (or a coordinator's) check before a case is submitted. */
    @Transactional
    public Determination check(EligibilityCheckRequest request) {
        Inputs inputs = new Inputs(request.payerId(), request.memberId().trim(), null, trim(request.firstName()), trim(request.lastName()),
                request.dateOfBirth(), request.specialtyCode(), request.surgeryRecommended(),
                request.dateOfService() != null ? request.dateOfService() : LocalDate.now(ZoneOffset.UTC));
        Facts facts = determinations.facts(inputs.payerId(), inputs.memberId(), inputs.specialtyCode(), inputs.dateOfService(), null);
        if (!facts.payerKnown()) {
            throw ApiException.badRequest("Payer " + request.payerId() + " is not known; choose one from /api/payers.");
        }
        if (facts.answersThroughEvents() && (isBlank(request.firstName()) || isBlank(request.lastName()))) {
            throw ApiException.badRequest("This insurer answers eligibility questions itself: give firstName and lastName as on the insurance card.");
        }
        Determination d = newDetermination(Origin.CHECK, null, caller.hasRole(Roles.PATIENT) ? caller.subject() : null, caller.subject(), inputs);
        // Recorded first: the audit insert is deferred, so it goes with the determination's insert.
        audit.record("CREATE", RESOURCE, d.id, d.patientId);
        determine(d, facts, inputs);
        return d;
    }

    /** CaseSubmitted: the same determination for the case, published as CoverageDetermined. */
    @Transactional
    public void onCaseSubmitted(CaseSubmitted event) {
        CaseSubmitted.Insurance insurance = event.insurance();
        LocalDate dateOfService = event.submittedAt().atZone(ZoneOffset.UTC).toLocalDate();
        Inputs inputs = insurance == null
                ? new Inputs(null, null, null, null, null, null, event.area().specialtyCode(), event.surgeryRecommended(), dateOfService)
                : new Inputs(insurance.payerId(), insurance.memberId().trim(), trim(insurance.groupNumber()), insurance.firstName(),
                        insurance.lastName(), insurance.dateOfBirth(), event.area().specialtyCode(), event.surgeryRecommended(), dateOfService);
        Determination d = newDetermination(Origin.CASE, event.caseId(), event.patientId(), AuditLog.SYSTEM, inputs);
        if (insurance != null) {
            // Two cases of one member submitted at once (different partitions) must not both take the last
            // second opinion of the yearly limit: their determinations take turns on the member row.
            determinations.lockMember(inputs.payerId(), inputs.memberId());
        }
        Facts facts = determinations.facts(inputs.payerId(), inputs.memberId(), inputs.specialtyCode(), inputs.dateOfService(),
                event.caseId());
        audit.record("CREATE", RESOURCE, d.id, d.patientId);
        if (insurance == null || !facts.payerKnown()) {
            d.outcome = insurance == null ? CoverageOutcome.NOT_COVERED : CoverageOutcome.MEMBER_NOT_FOUND;
            d.finalDetermination = true;
            d.rule = insurance == null ? CoverageRules.RULE_SELF_PAY : CoverageRules.RULE_PAYER_UNKNOWN;
            List<String> reasons = new ArrayList<>(List.of(insurance == null
                    ? "You chose to pay for the second opinion yourself." : "We do not work with this insurer yet."));
            selfPay(d, reasons, facts.selfPayPrice());
            d.reasons = reasons;
            determinations.insert(d);
        } else {
            determine(d, facts, inputs);
        }
        publishCoverage(d);
    }

    /** CaseCancelled: the case's covered second opinion no longer counts, and a pending inquiry no longer times out. */
    @Transactional
    public void onCaseCancelled(CaseCancelled event) {
        BenefitUsage usage = usages.findById(event.caseId());
        if (usage != null && usage.releasedAt == null) {
            usage.releasedAt = Instant.now();
        }
        determinations.update("inquiryDeadline = null where caseId = ?1 and outcome = ?2", event.caseId(), CoverageOutcome.PENDING_INSURER);
    }

    /**
     * The insurer's answer. An unknown trace number (or one of another payer) is refused with an exception, so
     * the record goes to the dead-letter topic. A late answer, after the timeout, still counts.
     */
    @Transactional
    public void onAnswer(EligibilityAnswer answer) {
        // Locked: the timeout job may be turning the same inquiry UNKNOWN right now; the answer waits and then
        // applies on top, instead of failing on a version conflict (which would send a valid answer to the DLQ).
        Determination d = determinations.find("traceNumber", answer.traceNumber()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (d == null || !answer.payerId().equals(d.payerId)) {
            throw new MalformedEventException("EligibilityAnswer with an unknown trace number");
        }
        if (d.answeredAt != null) {
            return; // a second answer to the same inquiry: the first one stands
        }
        d.answeredAt = Instant.now();
        d.determinedAt = d.answeredAt;
        d.finalDetermination = true;
        d.planId = answer.planId();
        d.planName = answer.planName();
        d.networks = answer.networks();
        d.inNetworkOnly = !answer.networks().isEmpty();
        d.copayAmount = null;
        d.coinsurancePercent = null;
        d.currency = null;
        d.priorAuthorization = false;
        List<String> reasons = new ArrayList<>();
        if (!answer.memberFound()) {
            d.outcome = CoverageOutcome.MEMBER_NOT_FOUND;
            d.rule = "insurer-member-not-found";
            reasons.add(CoverageRules.MEMBER_NOT_FOUND_REASON);
        } else if (!answer.active()) {
            d.outcome = CoverageOutcome.COVERAGE_INACTIVE;
            d.rule = "insurer-coverage-inactive";
            reasons.add("Your insurer says your coverage is not active on " + d.dateOfService + ".");
        } else if (!answer.benefitCovered()) {
            d.outcome = CoverageOutcome.NOT_COVERED;
            d.rule = "insurer-benefit-not-covered";
            reasons.add("Your insurer says your plan does not cover this second opinion.");
        } else if (Boolean.TRUE.equals(answer.benefitLimitReached())) {
            d.outcome = CoverageOutcome.LIMIT_REACHED;
            d.rule = "insurer-limit-reached";
            reasons.add("Your insurer says you have used the second opinions your plan covers.");
        } else {
            d.outcome = CoverageOutcome.COVERED;
            d.rule = "insurer-covered";
            reasons.add("Your insurer confirmed that your plan covers a second opinion.");
            if (answer.copay() != null) {
                d.copayAmount = answer.copay().amount();
                d.currency = answer.copay().currency();
            }
            d.coinsurancePercent = answer.coinsurancePercent();
            d.priorAuthorization = Boolean.TRUE.equals(answer.priorAuthorizationRequired());
            reasons.addAll(CoverageRules.costs(d.copayAmount, d.coinsurancePercent, d.currency));
            if (d.priorAuthorization) {
                reasons.add("Your insurer must authorise the second opinion before it takes place.");
            }
        }
        if (answer.message() != null && !answer.message().isBlank()) {
            reasons.add("Your insurer adds: " + answer.message().trim());
        }
        if (d.outcome != CoverageOutcome.COVERED) {
            selfPay(d, reasons, determinations.selfPayPrice(d.specialtyCode));
        }
        d.reasons = reasons;
        audit.record("UPDATE", RESOURCE, d.id, d.patientId);
        publishCoverage(d);
    }

    /** Inquiries unanswered past their deadline become UNKNOWN: the patient should verify with the insurer. */
    @Transactional
    public int expireUnanswered(int batch) {
        // SKIP LOCKED: an inquiry whose answer is being applied right now is left to the answer, and several
        // instances running this job share the work instead of colliding.
        List<UUID> ids = sql.list("""
                select id from determination
                where outcome = 'PENDING_INSURER' and inquiry_deadline < ?
                order by inquiry_deadline limit ?
                for update skip locked""", row -> Sql.uuid(row, "id"), Instant.now(), batch);
        List<Determination> expired = ids.stream().map(determinations::findById).toList();
        for (Determination d : expired) {
            d.outcome = CoverageOutcome.UNKNOWN;
            d.finalDetermination = true;
            d.rule = CoverageRules.RULE_INSURER_TIMEOUT;
            d.timedOutAt = Instant.now();
            d.determinedAt = d.timedOutAt;
            List<String> reasons = new ArrayList<>(List.of(
                    "Your insurer has not answered in time: verify your second-opinion coverage with your insurer."));
            selfPay(d, reasons, determinations.selfPayPrice(d.specialtyCode));
            d.reasons = reasons;
            audit.record("UPDATE", RESOURCE, d.id, d.patientId);
            publishCoverage(d);
        }
        return expired.size();
    }

    /** One determination, if the caller may see it: the patient's own, an insurer's payer's, any for coordinators. */
    @Transactional
    public Determination get(UUID id) {
        Determination d = determinations.findById(id);
        if (d == null || !maySee(d)) {
            ApiException refusal = ApiException.notFound("Eligibility check", id);
            throw d == null ? refusal : refusal.auditedAsDenied("READ", RESOURCE, id, d.patientId);
        }
        audit.record("READ", RESOURCE, d.id, d.patientId);
        return d;
    }

    /**
     * The determinations the caller may see, of one case or (for a patient) all of their own; newest first,
     * a page at a time. What the caller may see (as {@link #maySee}) is part of the query, so that pages and
     * the total agree.
     */
    @Transactional
    public PageView<Determination> list(String caseId, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String where;
        if (caseId != null) {
            where = "caseId = ?1";
            parameters.add(caseId);
        } else if (caller.hasRole(Roles.PATIENT) && !caller.hasRole(Roles.COORDINATOR)) {
            where = "patientId = ?1";
            parameters.add(caller.subject());
        } else {
            throw ApiException.badRequest("Name the case (caseId).");
        }
        if (!caller.hasRole(Roles.COORDINATOR)) {
            if (caller.hasRole(Roles.INSURER)) {
                if (caller.payer().isEmpty()) {
                    return new PageView<>(List.of(), page, size, 0);
                }
                where += " and payerId = ?2";
                parameters.add(caller.payer().get());
            } else {
                where += " and patientId = ?2";
                parameters.add(caller.subject());
            }
        }
        var query = determinations.find(where, Sort.descending("determinedAt", "id"), parameters.toArray());
        List<Determination> found = query.page(page, size).list();
        found.forEach(d -> audit.record("READ", RESOURCE, d.id, d.patientId));
        return new PageView<>(found, page, size, query.count());
    }

    private boolean maySee(Determination d) {
        if (caller.hasRole(Roles.COORDINATOR)) {
            return true;
        }
        if (caller.hasRole(Roles.INSURER)) {
            return d.payerId != null && d.payerId.equals(caller.payer().orElse(null));
        }
        return caller.hasRole(Roles.PATIENT) && caller.subject().equals(d.patientId);
    }

    private Determination newDetermination(Origin origin, String caseId, String patientId, String requestedBy, Inputs inputs) {
        Determination d = new Determination();
        d.id = Uuids.timeOrdered();
        d.origin = origin;
        d.caseId = caseId;
        d.patientId = patientId;
        d.requestedBy = requestedBy;
        d.payerId = inputs.payerId();
        d.memberId = inputs.memberId();
        d.firstName = inputs.firstName();
        d.lastName = inputs.lastName();
        d.dateOfBirth = inputs.dateOfBirth();
        d.specialtyCode = inputs.specialtyCode();
        d.surgeryRecommended = inputs.surgeryRecommended();
        d.dateOfService = inputs.dateOfService();
        d.determinedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return d;
    }

    /** Decides from the plan rules, or asks the insurer; stores the determination. */
    private void determine(Determination d, Facts facts, Inputs inputs) {
        if (facts.answersThroughEvents()) {
            inquire(d, facts, inputs);
            return;
        }
        Member member = facts.member();
        if (member != null && !member.dateOfBirth.equals(inputs.dateOfBirth())) {
            member = null; // the same answer as an unknown id: never reveal which of the two did not match
        }
        Plan plan = member == null ? null : facts.plan();
        Decision decision = CoverageRules.decide(member, plan, inputs.specialtyCode(), inputs.surgeryRecommended(),
                inputs.dateOfService(), facts.usedThisYear());
        d.memberRef = member == null ? null : member.id;
        d.outcome = decision.outcome();
        d.finalDetermination = true;
        d.rule = decision.rule();
        if (decision.plan() != null) {
            Plan p = decision.plan();
            d.planId = p.id;
            d.planName = p.name;
            if (decision.outcome() == CoverageOutcome.COVERED) {
                d.networks = p.networks;
                d.inNetworkOnly = p.inNetworkOnly;
                d.copayAmount = p.copayAmount;
                d.coinsurancePercent = p.coinsurancePercent;
                d.currency = p.currency;
                d.priorAuthorization = p.priorAuthorization;
            }
        }
        List<String> reasons = new ArrayList<>(decision.reasons());
        selfPay(d, decision.outcome() == CoverageOutcome.COVERED ? new ArrayList<>() : reasons, facts.selfPayPrice());
        d.reasons = reasons;
        determinations.insert(d);
        if (d.origin == Origin.CASE && d.outcome == CoverageOutcome.COVERED && plan.yearlyLimit != null
                && usages.findById(d.caseId) == null) {
            BenefitUsage usage = new BenefitUsage();
            usage.caseId = d.caseId;
            usage.memberRef = member.id;
            usage.usageYear = inputs.dateOfService().getYear();
            usage.countedAt = Instant.now();
            usages.persist(usage);
        }
    }

    private void inquire(Determination d, Facts facts, Inputs inputs) {
        d.outcome = CoverageOutcome.PENDING_INSURER;
        d.finalDetermination = false;
        d.rule = CoverageRules.RULE_INSURER_INQUIRY;
        d.traceNumber = "SMO" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        long timeout = facts.inquiryTimeoutSeconds() != null ? facts.inquiryTimeoutSeconds() : config.insurer().answerTimeout().toSeconds();
        d.inquiryDeadline = d.determinedAt.plusSeconds(timeout);
        List<String> reasons = new ArrayList<>(List.of("We asked your insurer; the answer will follow."));
        selfPay(d, new ArrayList<>(), facts.selfPayPrice());
        d.reasons = reasons;
        determinations.insert(d);
        // For a check before any case exists, the inquiry's case id is the determination's id.
        publisher.publish(new EligibilityInquiry(d.traceNumber, d.caseId != null ? d.caseId : d.id.toString(), inputs.payerId(),
                new EligibilityInquiry.Subscriber(inputs.memberId(), inputs.groupNumber(), inputs.firstName(), inputs.lastName(), inputs.dateOfBirth()),
                EligibilityInquiry.SERVICE_TYPE_CONSULTATION, inputs.specialtyCode(), inputs.dateOfService(), d.determinedAt));
    }

    private static void selfPay(Determination d, List<String> reasons, SelfPayPrice price) {
        if (price != null) {
            d.selfPayAmount = price.amount;
            d.selfPayCurrency = price.currency;
            reasons.add("Paying yourself, a second opinion in this specialty costs about " + price.currency + " "
                    + price.amount.toPlainString() + ".");
        }
    }

    private void publishCoverage(Determination d) {
        if (d.origin != Origin.CASE) {
            return;
        }
        Money copay = d.copayAmount == null ? null : new Money(d.copayAmount, d.currency);
        Money selfPay = d.selfPayAmount == null ? null : new Money(d.selfPayAmount, d.selfPayCurrency);
        BigDecimal coinsurance = d.coinsurancePercent;
        publisher.publish(new CoverageDetermined(d.caseId, d.id.toString(), d.outcome, d.finalDetermination, d.payerId,
                d.planId, d.planName, d.networks, d.inNetworkOnly, copay, coinsurance, d.priorAuthorization, selfPay,
                d.reasons, d.rule, d.determinedAt));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
