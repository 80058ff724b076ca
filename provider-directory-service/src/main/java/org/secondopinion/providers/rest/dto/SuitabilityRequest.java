package org.secondopinion.providers.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** The case as far as suitability needs it, before it is submitted. */
public record SuitabilityRequest(
        @NotNull @Valid Area area,
        @NotNull @Valid PrimaryProvider primaryProvider,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String stateCode,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        List<String> excludedPhysicianNpis) {

    public record Area(@NotBlank String specialtyCode, String subSpecialtyCode) {
    }

    public record PrimaryProvider(@NotBlank String npi, @NotBlank String specialtyCode, String subSpecialtyCode,
            String practiceName, String practiceNpi) {
    }
}
