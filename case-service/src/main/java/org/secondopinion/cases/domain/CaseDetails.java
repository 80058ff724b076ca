package org.secondopinion.cases.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.secondopinion.events.model.SecondOpinionReason;

/**
 * What the patient records about their case. A draft may leave anything out; each field present must
 * be well formed, and {@link #missingForSubmission()} names what submission still needs.
 */
@Schema(description = "What the patient records about the case; everything is optional in a draft")
public record CaseDetails(
        @Size(max = 4000) @Schema(example = "Pain in my right knee for eight months; MRI showed a torn meniscus.") String conditionDescription,
        @Valid Area area,
        @Size(max = 9) List<SecondOpinionReason> reasons,
        @Valid PrimaryProviderInfo primaryProvider,
        @Size(max = 2000) @Schema(example = "Complex tear of the medial meniscus") String primaryDiagnosis,
        @Size(max = 2000) @Schema(example = "Arthroscopic partial meniscectomy") String recommendedTreatment,
        Boolean surgeryRecommended,
        @Size(max = 20) List<@Size(min = 1, max = 2000) String> questions,
        Boolean clarificationSought,
        @Valid InsuranceInfo insurance,
        @Valid Location location,
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag") @Schema(example = "en-US") String preferredLanguage,
        @Size(max = 10) List<@Pattern(regexp = "\\d{10}", message = "must be 10 digits") String> recommendedPhysicianNpis) {

    public CaseDetails {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        questions = questions == null ? List.of() : List.copyOf(questions);
        recommendedPhysicianNpis = recommendedPhysicianNpis == null ? List.of() : List.copyOf(recommendedPhysicianNpis);
    }

    @Schema(description = "The area of medicine, as codes from the provider directory's catalogue")
    public record Area(
            @Size(min = 1, max = 50) @Schema(example = "orthopaedic-surgery") String specialtyCode,
            @Size(min = 1, max = 50) @Schema(example = "orthopaedic-sports-medicine") String subSpecialtyCode) {
    }

    @Schema(description = "The provider whose opinion is questioned")
    public record PrimaryProviderInfo(
            @Size(min = 1, max = 300) @Schema(example = "Dr. Alex Example") String name,
            @Pattern(regexp = "\\d{10}", message = "must be 10 digits") @Schema(example = "1234567893") String npi,
            @Size(min = 1, max = 50) @Schema(example = "orthopaedic-surgery") String specialtyCode,
            @Size(min = 1, max = 50) String subSpecialtyCode,
            @Size(min = 1, max = 300) @Schema(example = "Example Bone & Joint") String practiceName,
            @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String practiceNpi) {
    }

    @Schema(description = "The patient's insurance as on the card; leave out to pay for yourself")
    public record InsuranceInfo(
            @Size(min = 1, max = 100) @Schema(example = "ACME") String payerId,
            @Size(min = 1, max = 100) @Schema(example = "M-0001") String memberId,
            @Size(min = 1, max = 100) String groupNumber,
            @Size(min = 1, max = 100) @Schema(example = "Sam") String firstName,
            @Size(min = 1, max = 100) @Schema(example = "Sample") String lastName,
            @Past LocalDate dateOfBirth) {
    }

    @Schema(description = "Where the patient is: the state for licensing, coordinates (optional) for distance")
    public record Location(
            @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") @Schema(example = "MA") String stateCode,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /** Every field submission needs and this case lacks, as request paths. */
    public List<String> missingForSubmission() {
        List<String> missing = new ArrayList<>();
        if (blank(conditionDescription)) {
            missing.add("conditionDescription");
        }
        if (area == null || blank(area.specialtyCode())) {
            missing.add("area.specialtyCode");
        }
        if (reasons.isEmpty()) {
            missing.add("reasons");
        }
        if (primaryProvider == null) {
            missing.add("primaryProvider");
        } else {
            if (blank(primaryProvider.name())) {
                missing.add("primaryProvider.name");
            }
            if (blank(primaryProvider.npi())) {
                missing.add("primaryProvider.npi");
            }
            if (blank(primaryProvider.specialtyCode())) {
                missing.add("primaryProvider.specialtyCode");
            }
        }
        if (blank(primaryDiagnosis)) {
            missing.add("primaryDiagnosis");
        }
        if (surgeryRecommended == null) {
            missing.add("surgeryRecommended");
        }
        if (clarificationSought == null) {
            missing.add("clarificationSought");
        }
        if (insurance != null) {
            if (blank(insurance.payerId())) {
                missing.add("insurance.payerId");
            }
            if (blank(insurance.memberId())) {
                missing.add("insurance.memberId");
            }
            if (blank(insurance.firstName())) {
                missing.add("insurance.firstName");
            }
            if (blank(insurance.lastName())) {
                missing.add("insurance.lastName");
            }
            if (insurance.dateOfBirth() == null) {
                missing.add("insurance.dateOfBirth");
            }
        }
        if (location == null || blank(location.stateCode())) {
            missing.add("location.stateCode");
        }
        if (location != null && (location.latitude() == null) != (location.longitude() == null)) {
            missing.add(location.latitude() == null ? "location.latitude" : "location.longitude");
        }
        return missing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
