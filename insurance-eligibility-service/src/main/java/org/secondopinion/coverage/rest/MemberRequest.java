package org.secondopinion.coverage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member of a payer's plan (synthetic example data).")
public record MemberRequest(
        @Schema(examples = "ACME") @NotBlank String payerId,
        @Schema(examples = "M1000001") @NotBlank @Size(max = 80) String memberId,
        @Schema(examples = "ACME-GOLD") @NotBlank String planId,
        @Schema(examples = "Jane") @NotBlank @Size(max = 100) String firstName,
        @Schema(examples = "Testperson") @NotBlank @Size(max = 100) String lastName,
        @Schema(examples = "1980-04-02") @NotNull @Past LocalDate dateOfBirth,
        @Schema(examples = "2026-01-01") @NotNull LocalDate coverageStart,
        @Schema(description = "last day covered; omitted while the coverage runs", examples = "2026-12-31") LocalDate coverageEnd) {
}
