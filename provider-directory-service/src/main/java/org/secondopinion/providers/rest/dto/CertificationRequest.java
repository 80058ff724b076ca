package org.secondopinion.providers.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.secondopinion.events.model.CertificationStatus;

/** A board certification as claimed; it is verified against the board's data afterwards. */
public record CertificationRequest(
        @NotBlank @Size(max = 200) String board,
        @NotBlank @Size(max = 80) String specialtyCode,
        @Size(max = 80) String subSpecialtyCode,
        @NotNull CertificationStatus status,
        LocalDate certifiedSince,
        LocalDate validUntil) {
}
