package org.secondopinion.coverage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A patient's question before submitting a case: is a second opinion covered?")
public record EligibilityCheckRequest(
        @Schema(examples = "ACME") @NotBlank String payerId,
        @Schema(examples = "M1000001") @NotBlank @Size(max = 80) String memberId,
        @Schema(examples = "1980-04-02") @NotNull @Past LocalDate dateOfBirth,
        @Schema(description = "required for insurers that answer through events", examples = "Jane") @Size(max = 100) String firstName,
        @Schema(description = "required for insurers that answer through events", examples = "Testperson") @Size(max = 100) String lastName,
        @Schema(examples = "cardiology") @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,60}", message = "must be a specialty code") String specialtyCode,
        @NotNull Boolean surgeryRecommended,
        @Schema(description = "the day asked about; today when omitted", examples = "2026-11-21") LocalDate dateOfService) {
}
