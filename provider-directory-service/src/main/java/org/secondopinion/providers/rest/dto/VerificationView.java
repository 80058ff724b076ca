package org.secondopinion.providers.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.events.model.VerificationOutcome;

/** The latest check of a certification against its primary source: what was found, where, when, and when next. */
public record VerificationView(
        VerificationOutcome outcome,
        CertificationStatus sourceStatus,
        LocalDate sourceValidUntil,
        String source,
        Instant verifiedAt,
        Instant nextDueAt) {
}
