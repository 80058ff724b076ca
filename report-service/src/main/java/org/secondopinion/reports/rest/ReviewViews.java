package org.secondopinion.reports.rest;

import java.time.Instant;
import java.util.List;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.Question;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.reports.domain.ReviewState;

/** What the reviewing physician sees of their cases. */
public final class ReviewViews {

    private ReviewViews() {
    }

    /** One line of the worklist. */
    public record ReviewSummary(String caseId, ReviewState state, Instant dueAt, Instant selectedAt,
            String specialtyCode, String subSpecialtyCode, String reportId) {
    }

    /** The primary provider whose opinion is reviewed. */
    public record PrimaryProviderView(String name, String npi, String specialtyCode, String practiceName) {
    }

    /** A document of the case, to be fetched from case-service (where its checksum is verified). */
    public record DocumentView(String documentId, DocumentType type, String contentType, long sizeBytes, String sha256,
            Instant uploadedAt, String downloadUrl) {
    }

    /** A review: the case as the reviewer needs it. */
    public record ReviewDetail(
            String caseId,
            ReviewState state,
            Instant dueAt,
            Instant submittedAt,
            Instant selectedAt,
            Instant recordsCompletedAt,
            String specialtyCode,
            String subSpecialtyCode,
            String conditionDescription,
            List<SecondOpinionReason> reasons,
            PrimaryProviderView primaryProvider,
            String primaryDiagnosis,
            String recommendedTreatment,
            boolean surgeryRecommended,
            List<Question> questions,
            List<DocumentView> documents,
            List<DocumentType> requestedDocumentTypes,
            String cancelledStage,
            String reportId) {
    }
}
