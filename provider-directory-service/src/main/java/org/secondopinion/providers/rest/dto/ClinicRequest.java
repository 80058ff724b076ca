package org.secondopinion.providers.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A clinic location (WGS 84 coordinates). */
public record ClinicRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String address,
        @NotBlank @Size(max = 120) String city,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String stateCode,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
