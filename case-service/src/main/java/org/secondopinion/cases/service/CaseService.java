package org.secondopinion.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.secondopinion.cases.domain.CaseDetails;
import org.secondopinion.cases.domain.CaseDocument;
import org.secondopinion.cases.domain.CaseStage;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.cases.domain.ChecklistItem;
import org.secondopinion.cases.domain.PatientCase;
import org.secondopinion.cases.repository.CaseRepository;
import org.secondopinion.cases.repository.CaseStageRepository;
import org.secondopinion.cases.repository.DocumentRepository;
import org.secondopinion.cases.service.CaseAccess.Party;
import org.secondopinion.cases.service.CaseApi.CaseSummary;
import org.secondopinion.cases.service.CaseApi.CaseView;
import org.secondopinion.cases.service.CaseApi.DecisionView;
import org.secondopinion.cases.service.CaseApi.OpinionView;
import org.secondopinion.cases.service.CaseApi.OverdueCase;
import org.secondopinion.platform.web.PageView;
import org.secondopinion.cases.service.CaseApi.QuestionView;
import org.secondopinion.cases.service.CaseApi.SelectedPhysician;
import org.secondopinion.cases.service.CaseApi.StageView;
import org.secondopinion.cases.service.CaseApi.TimelineView;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.DocumentsRequested;
import org.secondopinion.events.PatientDecisionRecorded;
import org.secondopinion.events.PhysicianDeclined;
import org.secondopinion.events.PhysicianSelected;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.RecordsCompleted;
import org.secondopinion.events.Uuids;
import org.secondopinion.events.model.CancelledBy;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PatientDecision;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.ProviderRef;
import org.secondopinion.events.model.Question;
import org.secondopinion.platform.audit.AuditEntry;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.outbox.EventPublisher;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.problem.Problem;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;

/**
 * The case and its state machine, from draft to the patient's decision. A change records its audit entry (and
 * publishes its event) before it saves the case: both are deferred ({@code Sql.defer}), so they reach the
 * database in the save's round trip, which also commits the transaction ({@code Sql.commitWith}): the save is
 * a change's last statement.
 */
@ApplicationScoped
public class CaseService {

    public static final String RESOURCE = "case";

    /** A created case, and whether it was created earlier under the same Idempotency-Key. */
    public record Created(CaseView view, boolean replayed) {
    }

    @Inject
    CaseRepository cases;

    @Inject
    CaseStageRepository stages;

    @Inject
    DocumentRepository documents;

    @Inject
    CaseAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    EventPublisher publisher;

    @Inject
    SlaClock clock;

    // ---- drafts ---------------------------------------------------------------------------------

    /**
     * Creates a draft. A retry with an Idempotency-Key the patient used before answers the case created the
     * first time: the new draft's insert fails on the key, its transaction keeps nothing (not its audit entry,
     * which went to the database with the insert), and the earlier case is read in a transaction of its own.
     */
    public Created create(CaseDetails details, String idempotencyKey) {
        try {
            return createDraft(details, idempotencyKey);
        } catch (PersistenceException e) {
            if (idempotencyKey != null && CaseRepository.idempotencyKeyUsed(e)) {
                return replay(idempotencyKey);
            }
            throw e;
        }
    }

    @Transactional
    Created createDraft(CaseDetails details, String idempotencyKey) {
        String patient = caller.subject();
        PatientCase created = newDraft(patient, details == null ? emptyDetails() : details);
        created.idempotencyKey = idempotencyKey;
        audit.record("CREATE", RESOURCE, created.id, patient);
        cases.create(created);
        return new Created(view(created, Party.OWNER), false);
    }

    @Transactional
    Created replay(String idempotencyKey) {
        PatientCase earlier = cases.findByIdempotencyKey(caller.subject(), idempotencyKey).orElseThrow();
        audit.record("READ", RESOURCE, earlier.id, earlier.patientId);
        return new Created(view(earlier, Party.OWNER), true);
    }

    @Transactional
    public CaseView get(UUID id) {
        PatientCase found = access.forRead(id, "READ", CaseAccess.CARE_TEAM);
        audit.record("READ", RESOURCE, id, found.patientId);
        return view(found, access.partyOf(found));
    }

    @Transactional
    public CaseView update(UUID id, String ifMatch, CaseDetails details) {
        PatientCase found = access.forUpdate(id, "UPDATE", CaseAccess.OWNER_ONLY);
        ETags.requireMatch(ifMatch, found.version);
        if (found.status != CaseStatus.DRAFT) {
            throw ApiException.conflict("Only a draft can be edited; this case is " + found.status + ".");
        }
        found.details(details == null ? emptyDetails() : details);
        found.updatedAt = now();
        audit.record("UPDATE", RESOURCE, id, found.patientId);
        cases.save(found);
        return view(found, Party.OWNER);
    }

    @Transactional
    public CaseView submit(UUID id, String ifMatch) {
        PatientCase found = access.forUpdate(id, "SUBMIT", CaseAccess.OWNER_ONLY);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, found.version);
        }
        if (!found.status.canMoveTo(CaseStatus.SUBMITTED)) {
            throw ApiException.conflict("A case in status " + found.status + " cannot be submitted.");
        }
        CaseDetails details = found.details();
        List<String> missing = details.missingForSubmission();
        if (!missing.isEmpty()) {
            throw ApiException.invalid("The case lacks what the next steps need; complete every field listed.",
                    missing.stream().map(field -> new Problem.FieldError(field, "is required to submit")).toList());
        }
        Instant now = now();
        found.questionIds(IntStream.rangeClosed(1, details.questions().size()).mapToObj(i -> "q" + i).toList());
        found.submittedAt = now;
        transition(found, CaseStatus.SUBMITTED, now);
        publisher.publish(caseSubmitted(found, details));
        audit.record("SUBMIT", RESOURCE, id, found.patientId);
        cases.save(found);
        return view(found, Party.OWNER);
    }

    @Transactional
    public CaseView cancel(UUID id, String reason) {
        PatientCase found = access.forUpdate(id, "CANCEL", CaseAccess.OWNER_OR_COORDINATOR);
        CaseStatus stage = found.status;
        Instant now = now();
        transition(found, CaseStatus.CANCELLED, now);
        found.cancelReason = reason;
        if (stage != CaseStatus.DRAFT) {
            // Nobody else has heard of a draft: only a submitted case's cancellation is news.
            CancelledBy by = caller.hasRole(Roles.PATIENT) && found.patientId.equals(caller.subject())
                    ? CancelledBy.PATIENT : CancelledBy.COORDINATOR;
            publisher.publish(new CaseCancelled(id.toString(), found.patientId, stage.name(), by, reason, now));
        }
        audit.record("CANCEL", RESOURCE, id, found.patientId);
        cases.save(found);
        return view(found, access.partyOf(found));
    }

    /** A patient's own cases, a physician's assigned cases, or (for coordinators) every case. */
    @Transactional
    public PageView<CaseSummary> list(CaseStatus status, int page, int size) {
        PageView<PatientCase> found = caller.hasRole(Roles.COORDINATOR) ? cases.all(status, page, size)
                : caller.hasRole(Roles.PHYSICIAN) ? cases.ofPhysician(caller.requireNpi(), status, page, size)
                : cases.ofPatient(caller.subject(), status, page, size);
        List<CaseSummary> items = new ArrayList<>();
        for (PatientCase c : found.items()) {
            audit.record("LIST", RESOURCE, c.id, c.patientId);
            items.add(new CaseSummary(c.id, c.status, c.createdAt, c.updatedAt, c.submittedAt,
                    c.currentStage == null ? null : c.currentStage.dueAt, c.previousCaseId));
        }
        return new PageView<>(items, page, size, found.total());
    }

    /** The coverage outcome and the ranked candidates, once they arrived. */
    @Transactional
    public CaseApi.OptionsView options(UUID id) {
        PatientCase found = access.forRead(id, "READ_OPTIONS", CaseAccess.OWNER_ONLY);
        audit.record("READ_OPTIONS", RESOURCE, id, found.patientId);
        return Options.of(found);
    }

    // ---- selection, records, opinion, decision ------------------------------------------------------

    @Transactional
    public CaseView select(UUID id, String npi) {
        PatientCase found = access.forUpdate(id, "SELECT_PHYSICIAN", CaseAccess.OWNER_ONLY);
        if (!found.status.canMoveTo(CaseStatus.PHYSICIAN_SELECTED)) {
            throw ApiException.conflict("A physician can be selected only when the options are ready; this case is "
                    + found.status + ".");
        }
        ProvidersMatched.Candidate candidate = Options.candidates(found).stream()
                .filter(c -> c.npi().equals(npi)).findFirst()
                .orElseThrow(() -> ApiException.conflict("That physician is not one of this case's candidates."));
        Instant now = now();
        transition(found, CaseStatus.PHYSICIAN_SELECTED, now);
        found.selectedNpi = candidate.npi();
        found.selectedName = candidate.name();
        found.selectedAt = now;
        // Planned: records by their target, then the opinion by its own; RecordsCompleted sets the real one.
        Instant recordsDue = clock.dueAt(CaseStatus.AWAITING_RECORDS, now);
        found.reviewDueAt = clock.opinionDue(recordsDue == null ? now : recordsDue);
        // The physician's pre-visit requirements, always with the primary provider's records and opinion.
        LinkedHashSet<DocumentType> required = new LinkedHashSet<>();
        required.add(DocumentType.MEDICAL_RECORDS);
        required.addAll(candidate.requiredDocuments());
        if (candidate.referralLetterRequired()) {
            required.add(DocumentType.REFERRAL_LETTER);
        }
        List<ChecklistItem> checklist = new ArrayList<>();
        for (DocumentType type : required) {
            checklist.add(new ChecklistItem(type, "SELECTION", now, null));
        }
        List<CaseDocument> onCase = documents.ofCase(id);
        found.checklist(Checklists.fulfil(checklist, onCase));
        CaseDetails details = found.details();
        publisher.publish(new PhysicianSelected(id.toString(), found.patientId,
                new ProviderRef(candidate.npi(), candidate.name()), area(details), details.reasons(),
                details.conditionDescription(), primaryProvider(details), details.primaryDiagnosis(),
                details.recommendedTreatment(), Boolean.TRUE.equals(details.surgeryRecommended()),
                Boolean.TRUE.equals(details.clarificationSought()), questions(found, details),
                List.copyOf(required), str(found.previousCaseId), found.reviewDueAt, now));
        // Records already on the case (kept from an earlier selection) may complete the checklist at once.
        recordsMaybeComplete(found, onCase, now);
        audit.record("SELECT_PHYSICIAN", RESOURCE, id, found.patientId);
        cases.save(found);
        return view(found, Party.OWNER);
    }

    /** The assigned physician asks for more documents: the case waits for them again. */
    @Transactional
    public CaseView requestDocuments(UUID id, List<DocumentType> types, String note) {
        PatientCase found = access.forUpdate(id, "REQUEST_DOCUMENTS", CaseAccess.PHYSICIAN_ONLY);
        if (found.status != CaseStatus.AWAITING_RECORDS && !found.status.canMoveTo(CaseStatus.AWAITING_RECORDS)) {
            throw ApiException.conflict("Documents can be requested only before the opinion; this case is " + found.status + ".");
        }
        Instant now = now();
        List<ChecklistItem> checklist = new ArrayList<>(found.checklist());
        for (DocumentType type : new LinkedHashSet<>(types)) {
            checklist.add(new ChecklistItem(type, "PHYSICIAN", now, null));
        }
        found.checklist(checklist);
        if (found.status != CaseStatus.AWAITING_RECORDS) {
            transition(found, CaseStatus.AWAITING_RECORDS, now);
        }
        publisher.publish(new DocumentsRequested(id.toString(), found.selectedNpi, List.copyOf(new LinkedHashSet<>(types)),
                note, documents.ofCase(id).stream().map(d -> d.ref()).toList(), now));
        audit.record("REQUEST_DOCUMENTS", RESOURCE, id, found.patientId);
        cases.save(found);
        return view(found, Party.SELECTED_PHYSICIAN);
    }

    /** The assigned physician declines: back to the options, that physician excluded. */
    @Transactional
    public void decline(UUID id) {
        PatientCase found = access.forUpdate(id, "DECLINE", CaseAccess.PHYSICIAN_ONLY);
        Instant now = now();
        transition(found, CaseStatus.OPTIONS_READY, now);
        publisher.publish(new PhysicianDeclined(id.toString(), found.patientId, found.selectedNpi, now));
        found.exclude(found.selectedNpi);
        found.selectedNpi = null;
        found.selectedName = null;
        found.selectedAt = null;
        found.reviewDueAt = null;
        found.checklist(List.of());
        audit.record("DECLINE", RESOURCE, id, found.patientId);
        cases.save(found);
    }

    /**
     * Called when a document arrives or a checklist changes, with the case's documents as they are now:
     * complete records start the review.
     */
    void recordsMaybeComplete(PatientCase found, List<CaseDocument> onCase, Instant now) {
        if (!found.checklistComplete()) {
            if (found.status == CaseStatus.PHYSICIAN_SELECTED && !onCase.isEmpty()) {
                transition(found, CaseStatus.AWAITING_RECORDS, now);
            }
            return;
        }
        if (found.status != CaseStatus.PHYSICIAN_SELECTED && found.status != CaseStatus.AWAITING_RECORDS) {
            return;
        }
        transition(found, CaseStatus.UNDER_REVIEW, now);
        found.reviewDueAt = clock.opinionDue(now);
        publisher.publish(new RecordsCompleted(found.id.toString(), found.selectedNpi,
                onCase.stream().map(d -> d.ref()).toList(), found.reviewDueAt, now));
    }

    @Transactional
    public DecisionView decide(UUID id, PatientDecision decision) {
        PatientCase found = access.forUpdate(id, "DECIDE", CaseAccess.OWNER_ONLY);
        if (!found.status.canMoveTo(CaseStatus.CLOSED)) {
            throw ApiException.conflict("A decision can be recorded once the opinion is issued; this case is "
                    + found.status + ".");
        }
        Instant now = now();
        transition(found, CaseStatus.CLOSED, now);
        found.decision = decision;
        found.decidedAt = now;
        UUID followUp = null;
        if (decision == PatientDecision.SEEK_ANOTHER_OPINION) {
            PatientCase next = newDraft(found.patientId, found.details());
            next.previousCaseId = found.id;
            next.excludeAll(found.excludedNpis());
            next.exclude(found.selectedNpi);
            cases.insert(next);
            found.followUpCaseId = next.id;
            followUp = next.id;
            audit.record("CREATE", RESOURCE, next.id, next.patientId);
        }
        publisher.publish(new PatientDecisionRecorded(id.toString(), found.patientId, decision, found.selectedNpi,
                str(followUp), now));
        audit.record("DECIDE", RESOURCE, id, found.patientId);
        cases.save(found);
        return new DecisionView(decision, followUp, now);
    }

    // ---- timeline, clocks, access log ------------------------------------------------------------

    @Transactional
    public TimelineView timeline(UUID id) {
        PatientCase found = access.forRead(id, "READ_TIMELINE", CaseAccess.ANYONE_INVOLVED);
        audit.record("READ_TIMELINE", RESOURCE, id, found.patientId);
        Instant now = now();
        return new TimelineView(id, found.status, stages.timeline(id).stream().map(s -> stageView(s, now)).toList());
    }

    @Transactional
    public PageView<OverdueCase> overdue(int page, int size) {
        Instant now = now();
        List<OverdueCase> items = stages.overdue(now, page, size).stream()
                .map(s -> new OverdueCase(s.caseId, s.stage, s.enteredAt, s.dueAt)).toList();
        return new PageView<>(items, page, size, stages.countOverdue(now));
    }

    /** Who accessed this case and its documents, newest first. */
    @Transactional
    public PageView<AuditEntry> accessLog(UUID id, int page, int size) {
        PatientCase found = access.forRead(id, "READ_ACCESS_LOG", CaseAccess.OWNER_ONLY);
        audit.record("READ_ACCESS_LOG", RESOURCE, id, found.patientId);
        return audit.forResourceAndParts(found.patientId, id.toString(), page, size);
    }

    // ---- the state machine and the timeline -------------------------------------------------------

    /**
     * Moves the case (409 when not allowed), closes the current stage and opens the next with its due time.
     * The caller saves the case, which writes the timeline too.
     */
    void transition(PatientCase found, CaseStatus target, Instant now) {
        found.moveTo(target);
        found.updatedAt = now;
        found.enter(newStage(found, target, now));
    }

    private CaseStage newStage(PatientCase found, CaseStatus stage, Instant now) {
        CaseStage entered = new CaseStage();
        entered.caseId = found.id;
        entered.stage = stage;
        entered.enteredAt = now;
        entered.dueAt = clock.dueAt(stage, now);
        // The last stages are done when entered: nothing more is expected of them.
        if (stage == CaseStatus.CLOSED || stage == CaseStatus.CANCELLED) {
            entered.doneAt = now;
        }
        return entered;
    }

    // ---- views and events ------------------------------------------------------------------------

    CaseView view(PatientCase c, Party party) {
        CaseDetails details = c.details();
        if (party == Party.SELECTED_PHYSICIAN && details.insurance() != null) {
            // Minimum necessary: the reviewer does not need the patient's insurance card.
            details = new CaseDetails(details.conditionDescription(), details.area(), details.reasons(),
                    details.primaryProvider(), details.primaryDiagnosis(), details.recommendedTreatment(),
                    details.surgeryRecommended(), details.questions(), details.clarificationSought(), null,
                    details.location(), details.preferredLanguage(), details.recommendedPhysicianNpis());
        }
        Instant now = now();
        List<QuestionView> questions = new ArrayList<>();
        List<String> ids = c.questionIds();
        for (int i = 0; i < details.questions().size(); i++) {
            questions.add(new QuestionView(i < ids.size() ? ids.get(i) : null, details.questions().get(i)));
        }
        return new CaseView(c.id, c.status, details, questions, c.excludedNpis(), c.previousCaseId, c.followUpCaseId,
                c.createdAt, c.updatedAt, c.submittedAt,
                c.selectedNpi == null ? null : new SelectedPhysician(c.selectedNpi, c.selectedName, c.selectedAt),
                c.checklist(), c.selectedNpi != null && c.checklistComplete(), c.reviewDueAt,
                c.reportId == null ? null : new OpinionView(c.reportId, c.reportVersion, c.opinionAgreement, c.opinionAt),
                c.decision == null ? null : new DecisionView(c.decision, c.followUpCaseId, c.decidedAt),
                c.currentStage == null ? null : stageView(c.currentStage, now), c.version);
    }

    private static StageView stageView(CaseStage s, Instant now) {
        boolean overdue = s.dueAt != null && (s.doneAt == null ? now.isAfter(s.dueAt) : s.doneAt.isAfter(s.dueAt));
        return new StageView(s.stage, s.enteredAt, s.dueAt, s.doneAt, overdue);
    }

    private CaseSubmitted caseSubmitted(PatientCase c, CaseDetails d) {
        var insurance = d.insurance() == null ? null : new CaseSubmitted.Insurance(d.insurance().payerId(),
                d.insurance().memberId(), d.insurance().groupNumber(), d.insurance().firstName(),
                d.insurance().lastName(), d.insurance().dateOfBirth());
        var location = new CaseSubmitted.PatientLocation(d.location().stateCode(), d.location().latitude(),
                d.location().longitude());
        return new CaseSubmitted(c.id.toString(), c.patientId, insurance, area(d), d.reasons(), d.conditionDescription(),
                primaryProvider(d), d.primaryDiagnosis(), d.recommendedTreatment(), d.surgeryRecommended(),
                d.clarificationSought(), questions(c, d), location, d.preferredLanguage(), d.recommendedPhysicianNpis(),
                c.excludedNpis(), str(c.previousCaseId), c.submittedAt);
    }

    private static MedicalArea area(CaseDetails d) {
        return new MedicalArea(d.area().specialtyCode(), d.area().subSpecialtyCode());
    }

    private static PrimaryProvider primaryProvider(CaseDetails d) {
        var p = d.primaryProvider();
        return new PrimaryProvider(p.name(), p.npi(), p.specialtyCode(), p.subSpecialtyCode(), p.practiceName(), p.practiceNpi());
    }

    private static List<Question> questions(PatientCase c, CaseDetails d) {
        List<String> ids = c.questionIds();
        return IntStream.range(0, d.questions().size()).mapToObj(i -> new Question(ids.get(i), d.questions().get(i))).toList();
    }

    private PatientCase newDraft(String patient, CaseDetails details) {
        PatientCase created = new PatientCase();
        created.id = Uuids.timeOrdered();
        created.patientId = patient;
        created.status = CaseStatus.DRAFT;
        created.details(details);
        created.createdAt = now();
        created.updatedAt = created.createdAt;
        created.enter(newStage(created, CaseStatus.DRAFT, created.createdAt));
        return created;
    }

    private static CaseDetails emptyDetails() {
        return new CaseDetails(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
