package org.secondopinion.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.ProviderRef;
import org.secondopinion.events.model.Question;
import org.secondopinion.events.model.SecondOpinionReason;

/**
 * The patient chose the physician who will write the second opinion. It carries what the reviewer
 * needs to see of the case, so report-service can build the review without asking case-service.
 *
 * @param caseId the case; the subject
 * @param patientId the patient's token subject, for access checks on the report
 * @param physician the chosen physician
 * @param area the area of medicine
 * @param reasons why the patient seeks a second opinion
 * @param conditionDescription the condition in the patient's words
 * @param primaryProvider the provider whose opinion is questioned
 * @param primaryDiagnosis that provider's diagnosis
 * @param recommendedTreatment that provider's recommended treatment, or null
 * @param surgeryRecommended whether that provider recommended surgery
 * @param primaryProviderAskedToClarify whether the patient first asked that provider to clarify
 * @param questions the questions the report must answer, each with its id
 * @param requiredDocuments the physician's pre-visit requirements, now the case's checklist
 * @param previousCaseId the case this one follows up, or null
 * @param reviewDueAt when the written opinion is due, as planned at selection
 * @param selectedAt when the patient chose
 */
public record PhysicianSelected(
        String caseId,
        String patientId,
        ProviderRef physician,
        MedicalArea area,
        List<SecondOpinionReason> reasons,
        String conditionDescription,
        PrimaryProvider primaryProvider,
        String primaryDiagnosis,
        String recommendedTreatment,
        boolean surgeryRecommended,
        boolean primaryProviderAskedToClarify,
        List<Question> questions,
        List<DocumentType> requiredDocuments,
        String previousCaseId,
        Instant reviewDueAt,
        Instant selectedAt) implements DomainEvent {

    public PhysicianSelected {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(physician, "physician");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(conditionDescription, "conditionDescription");
        Objects.requireNonNull(primaryProvider, "primaryProvider");
        Objects.requireNonNull(primaryDiagnosis, "primaryDiagnosis");
        Objects.requireNonNull(reviewDueAt, "reviewDueAt");
        Objects.requireNonNull(selectedAt, "selectedAt");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        questions = questions == null ? List.of() : List.copyOf(questions);
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}
