package org.secondopinion.coverage.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A payer (insurer).")
public record PayerRequest(
        @Schema(examples = "ACME") @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,39}", message = "must be 2 to 40 upper-case letters, digits, - or _") String id,
        @Schema(examples = "Acme Health") @NotBlank @Size(max = 200) String name,
        @Schema(description = "true when the insurer answers EligibilityInquiry events instead of rules kept here")
        @NotNull Boolean answersThroughEvents,
        @Schema(description = "seconds to wait for the insurer's answer; omitted for the service default", examples = "900")
        @Min(1) @Max(604800) Integer inquiryTimeoutSeconds) {
}
