package org.secondopinion.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.Question;
import org.secondopinion.events.model.SecondOpinionReason;

/**
 * A patient submitted a case for a second opinion. It carries what eligibility needs for an
 * inquiry, what the directory needs to match physicians, and what report-service needs to prepare
 * the review, so that none of them has to ask case-service.
 *
 * @param caseId the case (a UUID); the subject
 * @param patientId the patient's token subject
 * @param insurance the patient's insurance, or null for a patient who pays for themselves
 * @param area the area of medicine
 * @param reasons why the patient seeks a second opinion
 * @param conditionDescription the condition in the patient's words
 * @param primaryProvider the provider whose opinion is questioned
 * @param primaryDiagnosis that provider's diagnosis
 * @param recommendedTreatment that provider's recommended treatment, or null when none was recommended
 * @param surgeryRecommended whether that provider recommended surgery
 * @param primaryProviderAskedToClarify whether the patient first asked that provider to clarify
 * @param questions the patient's questions for the reviewer
 * @param location where the patient is, for distance and state licensing
 * @param preferredLanguage the patient's preferred language (BCP 47 tag), or null
 * @param recommendedPhysicianNpis physicians the patient would like considered first
 * @param excludedPhysicianNpis physicians never to propose (earlier reviewers, the patient's exclusions)
 * @param previousCaseId the case this one follows up, or null
 * @param submittedAt when the patient submitted
 */
public record CaseSubmitted(
        String caseId,
        String patientId,
        Insurance insurance,
        MedicalArea area,
        List<SecondOpinionReason> reasons,
        String conditionDescription,
        PrimaryProvider primaryProvider,
        String primaryDiagnosis,
        String recommendedTreatment,
        boolean surgeryRecommended,
        boolean primaryProviderAskedToClarify,
        List<Question> questions,
        PatientLocation location,
        String preferredLanguage,
        List<String> recommendedPhysicianNpis,
        List<String> excludedPhysicianNpis,
        String previousCaseId,
        Instant submittedAt) implements DomainEvent {

    public CaseSubmitted {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(conditionDescription, "conditionDescription");
        Objects.requireNonNull(primaryProvider, "primaryProvider");
        Objects.requireNonNull(primaryDiagnosis, "primaryDiagnosis");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(submittedAt, "submittedAt");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        questions = questions == null ? List.of() : List.copyOf(questions);
        recommendedPhysicianNpis = recommendedPhysicianNpis == null ? List.of() : List.copyOf(recommendedPhysicianNpis);
        excludedPhysicianNpis = excludedPhysicianNpis == null ? List.of() : List.copyOf(excludedPhysicianNpis);
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }

    /**
     * The patient's insurance as the patient entered it; the patient is the member. The name and
     * date of birth are what an X12 270 inquiry needs to identify the member.
     *
     * @param payerId the insurer (eligibility-service payer id)
     * @param memberId the member id on the insurance card
     * @param groupNumber the group number on the card, or null
     * @param firstName the member's first name
     * @param lastName the member's last name
     * @param dateOfBirth the member's date of birth
     */
    public record Insurance(
            String payerId,
            String memberId,
            String groupNumber,
            String firstName,
            String lastName,
            LocalDate dateOfBirth) {

        public Insurance {
            Objects.requireNonNull(payerId, "payerId");
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        }
    }

    /**
     * Where the patient is. The state decides where a physician must be licensed; the coordinates,
     * when the patient shared them, give distances to candidates and clinics.
     *
     * @param stateCode two-letter US state code
     * @param latitude WGS 84 latitude, or null
     * @param longitude WGS 84 longitude, or null
     */
    public record PatientLocation(String stateCode, Double latitude, Double longitude) {

        public PatientLocation {
            Objects.requireNonNull(stateCode, "stateCode");
            if ((latitude == null) != (longitude == null)) {
                throw new IllegalArgumentException("Latitude and longitude come together or not at all");
            }
            if (latitude != null && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
                throw new IllegalArgumentException("Coordinates out of range");
            }
        }
    }
}
