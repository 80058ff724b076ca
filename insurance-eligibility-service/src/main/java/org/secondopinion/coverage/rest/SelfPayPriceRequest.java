package org.secondopinion.coverage.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SelfPayPriceRequest(
        @Schema(examples = "450.00") @NotNull @DecimalMin("0") BigDecimal amount,
        @Schema(examples = "USD") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {
}
