package org.secondopinion.reports.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.DocumentsRequested;
import org.secondopinion.events.PhysicianDeclined;
import org.secondopinion.events.PhysicianSelected;
import org.secondopinion.events.RecordsCompleted;
import org.secondopinion.events.model.DocumentRef;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.Question;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.web.PageView;
import org.secondopinion.reports.domain.Json;
import org.secondopinion.reports.domain.Report;
import org.secondopinion.reports.domain.ReportStatus;
import org.secondopinion.reports.domain.Review;
import org.secondopinion.reports.domain.ReviewState;
import org.secondopinion.reports.repository.ReportRepository;
import org.secondopinion.reports.repository.ReviewRepository;

/**
 * The reviewer's side of a case. Applying events merges facts: each event fills what it carries,
 * timestamps decide between facts that compete (a later selection replaces an earlier one, the later
 * of "records completed" and "documents requested" decides whether the review can start), so
 * duplicates and out-of-order arrival end in the same review.
 */
@ApplicationScoped
public class ReviewService {

    public static final String RESOURCE = "review";

    @Inject
    ReviewRepository reviews;

    @Inject
    ReportRepository reports;

    @Inject
    AuditLog audit;

    /** A review with its report's id, or null while no report was started. */
    public record AssignedReview(Review review, String reportId) {
    }

    @Inject
    Caller caller;

    @Transactional(TxType.MANDATORY)
    public void apply(CaseSubmitted event) {
        Review review = findOrCreate(event.caseId());
        if (review.submittedAt == null) {
            review.submittedAt = event.submittedAt();
        }
        fillCaseDetails(review, event.patientId(), event.area(), event.reasons(), event.conditionDescription(),
                event.primaryProvider(), event.primaryDiagnosis(), event.recommendedTreatment(), event.surgeryRecommended(),
                event.questions(), false);
        touch(review, "CASE_SUBMITTED");
    }

    /**
     * A selection gives the review to the physician chosen, unless an older one arrives late, or the opinion
     * was issued already: an issued opinion stands. That happens when the reviewer declined while issuing it
     * and case-service, which learned of the decline first, let the patient choose again; the opinion, once
     * it reaches case-service, gives the case back to its reviewer there too.
     */
    @Transactional(TxType.MANDATORY)
    public void apply(PhysicianSelected event) {
        Review review = findOrCreate(event.caseId());
        boolean newer = review.opinionIssuedAt == null
                && (review.selectedAt == null || !event.selectedAt().isBefore(review.selectedAt));
        if (newer) {
            review.selectedAt = event.selectedAt();
            review.physicianNpi = event.physician().npi();
            review.physicianName = event.physician().name();
            review.plannedDueAt = event.reviewDueAt();
        }
        // What the reviewer sees of the case as of the selection is the most recent account of it.
        fillCaseDetails(review, event.patientId(), event.area(), event.reasons(), event.conditionDescription(),
                event.primaryProvider(), event.primaryDiagnosis(), event.recommendedTreatment(), event.surgeryRecommended(),
                event.questions(), newer);
        touch(review, "PHYSICIAN_SELECTED");
    }

    /**
     * The physician declined: the review leaves their worklist and their unissued draft is discarded
     * (audited), so that they can no longer issue it and the next physician starts afresh. An issued
     * opinion stands. The decline's time counts as the latest selection, so an older selection that
     * arrives late does not give the case back to the physician who declined it.
     */
    @Transactional(TxType.MANDATORY)
    public void apply(PhysicianDeclined event) {
        Review review = findOrCreate(event.caseId());
        if (review.patientId == null) {
            review.patientId = event.patientId();
        }
        Optional<Report> report = reports.forCase(review.caseId);
        if (report.isPresent() && report.get().status == ReportStatus.ISSUED) {
            touch(review, "PHYSICIAN_DECLINED");
            return;
        }
        if (event.physicianNpi().equals(review.physicianNpi)
                && (review.selectedAt == null || !event.declinedAt().isBefore(review.selectedAt))) {
            report.ifPresent(draft -> {
                reports.delete(draft);
                audit.record("DELETE", ReportService.REPORT, draft.id, draft.patientId);
            });
            review.physicianNpi = null;
            review.physicianName = null;
            review.plannedDueAt = null;
            review.recordsDueAt = null;
            review.recordsCompletedAt = null;
            review.documentsRequestedAt = null;
            review.requestedTypesJson = "[]";
        }
        if (review.selectedAt == null || event.declinedAt().isAfter(review.selectedAt)) {
            review.selectedAt = event.declinedAt();
        }
        touch(review, "PHYSICIAN_DECLINED");
    }

    @Transactional(TxType.MANDATORY)
    public void apply(DocumentsRequested event) {
        Review review = findOrCreate(event.caseId());
        if (review.physicianNpi == null && review.selectedAt == null) {
            review.physicianNpi = event.physicianNpi();
        }
        if (review.documentsRequestedAt == null || event.requestedAt().isAfter(review.documentsRequestedAt)) {
            review.documentsRequestedAt = event.requestedAt();
            review.requestedTypesJson = Json.write(event.requestedTypes());
        }
        takeDocuments(review, event.documents(), event.requestedAt());
        touch(review, "DOCUMENTS_REQUESTED");
    }

    @Transactional(TxType.MANDATORY)
    public void apply(RecordsCompleted event) {
        Review review = findOrCreate(event.caseId());
        if (review.physicianNpi == null && review.selectedAt == null) {
            review.physicianNpi = event.physicianNpi();
        }
        if (review.recordsCompletedAt == null || event.completedAt().isAfter(review.recordsCompletedAt)) {
            review.recordsCompletedAt = event.completedAt();
            review.recordsDueAt = event.reviewDueAt();
        }
        takeDocuments(review, event.documents(), event.completedAt());
        touch(review, "RECORDS_COMPLETED");
    }

    @Transactional(TxType.MANDATORY)
    public void apply(CaseCancelled event) {
        Review review = findOrCreate(event.caseId());
        if (review.patientId == null) {
            review.patientId = event.patientId();
        }
        if (review.cancelledAt == null) {
            review.cancelledAt = event.cancelledAt();
            review.cancelledStage = event.stage();
        }
        touch(review, "CASE_CANCELLED");
    }

    /** A page of the signed-in physician's worklist: reviews assigned to their NPI, optionally in one state. */
    @Transactional
    public PageView<AssignedReview> worklist(ReviewState state, int page, int size) {
        String npi = caller.requireNpi();
        List<AssignedReview> items = reviews.assignedTo(npi, state, page, size).stream().map(this::withReport).toList();
        long total = reviews.countAssignedTo(npi, state);
        audit.record("LIST", RESOURCE, "npi:" + npi, null);
        return new PageView<>(items, page, size, total);
    }

    /** One review, for its assigned physician only; anyone else gets 404. */
    @Transactional
    public AssignedReview read(String caseId) {
        Review review = assigned(caseId, "READ");
        audit.record("READ", RESOURCE, caseId, review.patientId);
        return withReport(review);
    }

    private AssignedReview withReport(Review review) {
        return new AssignedReview(review, reports.forCase(review.caseId).map(r -> r.id.toString()).orElse(null));
    }

    /** The review if the caller is its physician; 404 (and a denied audit record) otherwise. */
    @Transactional(TxType.MANDATORY)
    public Review assigned(String caseId, String action) {
        String npi = caller.requireNpi();
        Review review = reviews.findById(caseId);
        if (review == null || !npi.equals(review.physicianNpi)) {
            ApiException refusal = ApiException.notFound("Review", caseId);
            throw review == null ? refusal : refusal.auditedAsDenied(action, RESOURCE, caseId, review.patientId);
        }
        return review;
    }

    private Review findOrCreate(String caseId) {
        Review review = reviews.findById(caseId);
        if (review == null) {
            review = new Review();
            review.caseId = caseId;
            review.updatedAt = Instant.now();
            reviews.persist(review);
        }
        return review;
    }

    private void fillCaseDetails(Review review, String patientId, MedicalArea area, List<SecondOpinionReason> reasons,
            String condition, PrimaryProvider primary, String diagnosis, String treatment, boolean surgery,
            List<Question> questions, boolean replace) {
        if (!replace && review.hasCaseDetails()) {
            return;
        }
        review.patientId = patientId;
        review.specialtyCode = area.specialtyCode();
        review.subSpecialtyCode = area.subSpecialtyCode();
        review.reasonsJson = Json.write(reasons);
        review.conditionDescription = condition;
        review.primaryProviderName = primary.name();
        review.primaryProviderNpi = primary.npi();
        review.primaryProviderSpecialty = primary.specialtyCode();
        review.primaryPracticeName = primary.practiceName();
        review.primaryDiagnosis = diagnosis;
        review.recommendedTreatment = treatment;
        review.surgeryRecommended = surgery;
        review.questionsJson = Json.write(questions);
    }

    /** The documents as of the latest event that listed them. */
    private void takeDocuments(Review review, List<DocumentRef> documents, Instant asOf) {
        if (review.documentsAsOf == null || !asOf.isBefore(review.documentsAsOf)) {
            review.documentsAsOf = asOf;
            review.documentsJson = Json.write(documents);
        }
    }

    private void touch(Review review, String action) {
        review.updatedAt = Instant.now();
        audit.record("APPLY_" + action, RESOURCE, review.caseId, review.patientId);
    }
}
