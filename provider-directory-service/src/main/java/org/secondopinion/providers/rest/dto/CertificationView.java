package org.secondopinion.providers.rest.dto;

import java.time.LocalDate;
import java.util.UUID;
import org.secondopinion.events.model.CertificationStatus;

/**
 * A certification with its verification (null until first verified); {@code current} says whether it
 * is verified and within its validity today, which is what matching requires.
 */
public record CertificationView(
        UUID id,
        String board,
        String specialtyCode,
        String subSpecialtyCode,
        CertificationStatus status,
        LocalDate certifiedSince,
        LocalDate validUntil,
        boolean current,
        VerificationView verification) {
}
