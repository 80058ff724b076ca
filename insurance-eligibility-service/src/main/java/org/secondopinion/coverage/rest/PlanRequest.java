package org.secondopinion.coverage.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.secondopinion.coverage.domain.BenefitRule;

@Schema(description = "A plan and its second-opinion benefit. On update the id and payerId must stay the same.")
public record PlanRequest(
        @Schema(examples = "ACME-GOLD") @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{1,59}", message = "must be 2 to 60 letters, digits, - or _") String id,
        @Schema(examples = "ACME") @NotBlank String payerId,
        @Schema(examples = "Acme Gold PPO") @NotBlank @Size(max = 200) String name,
        @Schema(description = "when a second opinion is covered") @NotNull BenefitRule benefit,
        @Schema(description = "specialty codes covered, for LISTED_SPECIALTIES", examples = "[\"cardiology\",\"oncology\"]")
        @Size(max = 100) List<@NotBlank @Pattern(regexp = "[a-z0-9_-]{1,60}", message = "must be a specialty code") String> coveredSpecialties,
        @Schema(examples = "25.00") @DecimalMin("0") BigDecimal copay,
        @Schema(examples = "20") @DecimalMin("0") @DecimalMax("100") BigDecimal coinsurancePercent,
        @Schema(examples = "USD") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
        @NotNull Boolean priorAuthorizationRequired,
        @Schema(examples = "[\"ACME-PPO\"]") @Size(max = 50) List<@NotBlank @Size(max = 60) String> networks,
        @NotNull Boolean inNetworkOnly,
        @Schema(description = "at most this many covered second opinions per calendar year; omitted for no limit", examples = "2")
        @Min(0) Integer yearlyLimit) {
}
