package org.secondopinion.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.events.model.VerificationOutcome;

/**
 * Re-verifying one of a physician's board certifications changed what the directory knows: a
 * certification was confirmed, lapsed, or could not be confirmed. Not a case event: its subject and
 * key are the physician's NPI.
 *
 * @param npi the physician; the subject
 * @param name the physician's name to show
 * @param outcome what the verification found
 * @param board the certifying board
 * @param specialtyCode the certified specialty (directory catalogue code)
 * @param previousStatus the status before, or null for a first verification
 * @param status the status now
 * @param lapsed whether a certification that was current is no longer current
 * @param matchable whether the physician can still be proposed for cases in this specialty
 * @param source where it was checked
 * @param verifiedAt when it was checked
 * @param validUntil the end of the certification's validity, or null when it does not expire
 * @param nextDueAt when it will be checked next
 */
public record PhysicianCredentialsChanged(
        String npi,
        String name,
        VerificationOutcome outcome,
        String board,
        String specialtyCode,
        CertificationStatus previousStatus,
        CertificationStatus status,
        boolean lapsed,
        boolean matchable,
        String source,
        Instant verifiedAt,
        LocalDate validUntil,
        Instant nextDueAt) implements DomainEvent {

    public PhysicianCredentialsChanged {
        Objects.requireNonNull(npi, "npi");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(specialtyCode, "specialtyCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(nextDueAt, "nextDueAt");
    }

    /** The physician's NPI. */
    @Override
    public String subject() {
        return npi;
    }
}
