package org.secondopinion.coverage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.secondopinion.coverage.domain.Member;
import org.secondopinion.coverage.domain.Plan;
import org.secondopinion.coverage.repository.MemberRepository;
import org.secondopinion.coverage.repository.PlanRepository;
import org.secondopinion.coverage.rest.MemberRequest;
import org.secondopinion.coverage.rest.RosterImportResult;
import org.secondopinion.coverage.rest.RosterImportResult.RejectedRow;
import org.secondopinion.events.Uuids;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.web.ETags;

/**
 * Members of payers' plans. Names and dates of birth are personal data: every read and write is audited.
 * Members are not linked to a patient account, so audit records carry no patient id.
 */
@ApplicationScoped
public class MemberService {

    static final String RESOURCE = "member";
    /** The roster CSV header, in this order. */
    public static final List<String> ROSTER_COLUMNS = List.of(
            "member_id", "plan_id", "first_name", "last_name", "date_of_birth", "coverage_start", "coverage_end");
    static final int MAX_ROSTER_ROWS = 50_000;

    @Inject
    MemberRepository members;

    @Inject
    PlanRepository plans;

    @Inject
    CatalogService catalog;

    @Inject
    PayerScope scope;

    @Inject
    AuditLog audit;

    @Transactional
    public Member create(MemberRequest request) {
        catalog.managedPayer(request.payerId());
        Plan plan = planOf(request.payerId(), request.planId());
        checkDates(request.coverageStart(), request.coverageEnd());
        if (members.find("payerId = ?1 and memberId = ?2", request.payerId(), request.memberId()).firstResultOptional().isPresent()) {
            throw ApiException.conflict("This payer already has a member with this member id.");
        }
        Member member = new Member();
        member.id = Uuids.timeOrdered();
        member.payerId = request.payerId();
        member.memberId = request.memberId().trim();
        apply(member, plan, request);
        members.persist(member);
        members.flush();
        audit.record("CREATE", RESOURCE, member.id, null);
        return member;
    }

    @Transactional
    public Member update(UUID id, String ifMatch, MemberRequest request) {
        Member member = visible(id);
        ETags.requireMatch(ifMatch, member.version);
        if (!member.payerId.equals(request.payerId()) || !member.memberId.equals(request.memberId().trim())) {
            throw ApiException.badRequest("A member's payer and member id cannot change.");
        }
        Plan plan = planOf(request.payerId(), request.planId());
        checkDates(request.coverageStart(), request.coverageEnd());
        apply(member, plan, request);
        members.flush();
        audit.record("UPDATE", RESOURCE, member.id, null);
        return member;
    }

    @Transactional
    public Member get(UUID id) {
        Member member = visible(id);
        audit.record("READ", RESOURCE, member.id, null);
        return member;
    }

    @Transactional
    public List<Member> search(String payerId, String memberId) {
        String payer = scope.restriction().orElse(payerId);
        if (payer == null || (payerId != null && !payer.equals(payerId))) {
            if (payer == null) {
                throw ApiException.badRequest("Name the payer (payerId).");
            }
            return List.of();
        }
        List<Member> found = memberId == null
                ? members.list("payerId = ?1 order by memberId", payer)
                : members.list("payerId = ?1 and memberId = ?2", payer, memberId.trim());
        found.forEach(m -> audit.record("READ", RESOURCE, m.id, null));
        return found;
    }

    private Member visible(UUID id) {
        Member member = members.findById(id);
        if (member == null || !scope.canSee(member.payerId)) {
            ApiException refusal = ApiException.notFound("Member", id);
            throw member == null ? refusal : refusal.auditedAsDenied("READ", RESOURCE, id, null);
        }
        return member;
    }

    private Plan planOf(String payerId, String planId) {
        Plan plan = plans.findById(planId);
        if (plan == null || !plan.payerId.equals(payerId)) {
            throw ApiException.badRequest("Plan " + planId + " is not a plan of payer " + payerId + ".");
        }
        return plan;
    }

    private static void checkDates(LocalDate start, LocalDate end) {
        if (end != null && end.isBefore(start)) {
            throw ApiException.badRequest("The coverage cannot end before it starts.");
        }
    }

    private static void apply(Member member, Plan plan, MemberRequest request) {
        member.planId = plan.id;
        member.firstName = request.firstName().trim();
        member.lastName = request.lastName().trim();
        member.dateOfBirth = request.dateOfBirth();
        member.coverageStart = request.coverageStart();
        member.coverageEnd = request.coverageEnd();
    }

    /**
     * Imports a payer's roster: each valid row creates or updates the member with that member id; each
     * malformed row is reported by its line number (without its content) and the others are kept.
     */
    @Transactional
    public RosterImportResult importRoster(String payerId, String csv) {
        catalog.managedPayer(payerId);
        if (csv == null || csv.isBlank()) {
            throw ApiException.badRequest("The roster is empty.");
        }
        Map<String, Plan> payerPlans = new HashMap<>();
        plans.list("payerId", payerId).forEach(p -> payerPlans.put(p.id, p));
        List<RejectedRow> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int created = 0;
        int updated = 0;
        try (BufferedReader reader = new BufferedReader(new StringReader(csv))) {
            String header = reader.readLine();
            if (header == null || !normaliseHeader(header).equals(ROSTER_COLUMNS)) {
                throw ApiException.badRequest("The first line must be the header " + String.join(",", ROSTER_COLUMNS) + ".");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (lineNumber > MAX_ROSTER_ROWS + 1) {
                    rejected.add(new RejectedRow(lineNumber, "Too many rows: at most " + MAX_ROSTER_ROWS + " per import; the rest was not read."));
                    break;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != ROSTER_COLUMNS.size()) {
                    rejected.add(new RejectedRow(lineNumber, "Expected " + ROSTER_COLUMNS.size() + " columns, found " + cells.length + "."));
                    continue;
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                String problem = rowProblem(cells, payerPlans);
                if (problem != null) {
                    rejected.add(new RejectedRow(lineNumber, problem));
                    continue;
                }
                if (!seen.add(cells[0])) {
                    rejected.add(new RejectedRow(lineNumber, "member_id appears earlier in this roster."));
                    continue;
                }
                Member member = members.find("payerId = ?1 and memberId = ?2", payerId, cells[0]).firstResult();
                boolean isNew = member == null;
                if (isNew) {
                    member = new Member();
                    member.id = Uuids.timeOrdered();
                    member.payerId = payerId;
                    member.memberId = cells[0];
                }
                member.planId = cells[1];
                member.firstName = cells[2];
                member.lastName = cells[3];
                member.dateOfBirth = LocalDate.parse(cells[4]);
                member.coverageStart = LocalDate.parse(cells[5]);
                member.coverageEnd = cells[6].isEmpty() ? null : LocalDate.parse(cells[6]);
                if (isNew) {
                    members.persist(member);
                    created++;
                } else {
                    updated++;
                }
                audit.record(isNew ? "CREATE" : "UPDATE", RESOURCE, member.id, null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Reading an in-memory roster failed", e);
        }
        members.flush();
        return new RosterImportResult(created, updated, rejected);
    }

    private static List<String> normaliseHeader(String header) {
        return List.of(header.replace("\uFEFF", "").trim().toLowerCase().split("\\s*,\\s*"));
    }

    /** Why a row cannot be imported, naming the column but never the value; null when it can. */
    private static String rowProblem(String[] cells, Map<String, Plan> payerPlans) {
        if (cells[0].isEmpty() || cells[0].length() > 80) {
            return "member_id is missing or longer than 80 characters.";
        }
        if (!payerPlans.containsKey(cells[1])) {
            return "plan_id is not a plan of this payer.";
        }
        if (cells[2].isEmpty() || cells[2].length() > 100) {
            return "first_name is missing or longer than 100 characters.";
        }
        if (cells[3].isEmpty() || cells[3].length() > 100) {
            return "last_name is missing or longer than 100 characters.";
        }
        LocalDate dob = date(cells[4]);
        if (dob == null || !dob.isBefore(LocalDate.now())) {
            return "date_of_birth must be a past date (YYYY-MM-DD).";
        }
        LocalDate start = date(cells[5]);
        if (start == null) {
            return "coverage_start must be a date (YYYY-MM-DD).";
        }
        if (!cells[6].isEmpty()) {
            LocalDate end = date(cells[6]);
            if (end == null) {
                return "coverage_end must be a date (YYYY-MM-DD) or empty.";
            }
            if (end.isBefore(start)) {
                return "coverage_end is before coverage_start.";
            }
        }
        return null;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
