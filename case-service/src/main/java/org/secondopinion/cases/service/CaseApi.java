package org.secondopinion.cases.service;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.secondopinion.cases.domain.CaseDetails;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.cases.domain.ChecklistItem;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.model.BoardCertification;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.Money;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.PatientDecision;

/** The request and response bodies of case-service's HTTP API. Entities never cross the wire. */
public final class CaseApi {

    private CaseApi() {
    }

    @Schema(description = "A case as its patient (or its selected physician) sees it")
    public record CaseView(UUID id, CaseStatus status, CaseDetails details, List<QuestionView> questions,
            List<String> excludedPhysicianNpis, UUID previousCaseId, UUID followUpCaseId, Instant createdAt,
            Instant updatedAt, Instant submittedAt, SelectedPhysician selectedPhysician, List<ChecklistItem> checklist,
            boolean checklistComplete, Instant reviewDueAt, OpinionView opinion, DecisionView decision,
            StageView currentStage, long version) {
    }

    @Schema(description = "A question with the id that the written report answers it by")
    public record QuestionView(String questionId, String text) {
    }

    public record SelectedPhysician(String npi, String name, Instant selectedAt) {
    }

    public record OpinionView(String reportId, int version, OpinionAgreement agreement, Instant issuedAt) {
    }

    public record DecisionView(PatientDecision decision, UUID followUpCaseId, Instant decidedAt) {
    }

    @Schema(description = "A case in a list: status and clocks, no clinical content")
    public record CaseSummary(UUID id, CaseStatus status, Instant createdAt, Instant updatedAt, Instant submittedAt,
            Instant currentStageDueAt, UUID previousCaseId) {
    }

    @Schema(description = "One stage of the timeline; dueAt is null for a stage without a target")
    public record StageView(CaseStatus stage, Instant enteredAt, Instant dueAt, Instant doneAt, boolean overdue) {
    }

    public record TimelineView(UUID caseId, CaseStatus status, List<StageView> stages) {
    }

    @Schema(description = "A case whose current stage is past its due time")
    public record OverdueCase(UUID caseId, CaseStatus stage, Instant enteredAt, Instant dueAt) {
    }

    @Schema(description = "The patient's options: coverage and ranked candidates")
    public record OptionsView(UUID caseId, CaseStatus status, CoverageView coverage, List<CandidateView> candidates,
            List<RecommendedView> recommended, List<ProvidersMatched.ExclusionCount> excludedCounts) {
    }

    @Schema(description = "The coverage outcome; pending is true while the insurer has not answered")
    public record CoverageView(CoverageOutcome outcome, boolean pending, String planName, List<String> networks,
            boolean inNetworkOnly, Money copay, BigDecimal coinsurancePercent, boolean priorAuthorizationRequired,
            Money selfPayEstimate, List<String> reasons, Instant determinedAt) {
    }

    @Schema(description = "A ranked candidate physician")
    public record CandidateView(int rank, String npi, String name, String specialtyCode, String subSpecialtyCode,
            boolean inNetwork, CostEstimate estimatedCost, List<String> why, List<BoardCertification> boardCertifications,
            Double distanceKm, Integer yearsInPractice, List<String> affiliations, boolean telehealth,
            List<String> languages, ProvidersMatched.PracticeLocation practice, List<DocumentType> requiredDocuments) {
    }

    @Schema(description = "What the patient is estimated to pay: COPAY, COINSURANCE (share of the self-pay price), SELF_PAY, or UNKNOWN (amount null)")
    public record CostEstimate(String basis, Money amount, BigDecimal coinsurancePercent) {
    }

    @Schema(description = "A physician the patient was recommended, and whether they qualify for this case: when they"
            + " do, their rank among the candidates and why; when not, every reason")
    public record RecommendedView(
            @Schema(example = "1245319599") String npi,
            @Schema(description = "The name to show; null when the directory does not know the physician or has not answered yet",
                    example = "Dr. Robin Sample") String name,
            boolean qualifies,
            @Schema(description = "Rank among the candidates; null when not qualifying", example = "1") Integer rank,
            @Schema(description = "In plain words: why the physician qualifies, or every reason they do not") List<String> reasons) {
    }

    @Schema(description = "The candidate the patient chooses")
    public record SelectionRequest(
            @NotNull @Pattern(regexp = "\\d{10}", message = "must be 10 digits") @Schema(example = "1245319599") String npi) {
    }

    public record CancelRequest(@Size(max = 500) @Schema(example = "I found a physician myself") String reason) {
    }

    @Schema(description = "The reviewing physician asks for more documents")
    public record DocumentsRequest(@NotEmpty @Size(max = 10) List<@NotNull DocumentType> types,
            @Size(max = 2000) @Schema(example = "Please add the MRI images from March.") String note) {
    }

    public record DecisionRequest(@NotNull @Schema(example = "SEEK_ANOTHER_OPINION") PatientDecision decision) {
    }

    @Schema(description = "A document's metadata; the content is downloaded separately")
    public record DocumentView(UUID id, UUID caseId, DocumentType type, String contentType, long sizeBytes, String sha256,
            Instant uploadedAt) {
    }
}
