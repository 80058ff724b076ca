package org.secondopinion.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The selected physician declined the case before giving an opinion. The case is back at the options
 * for the patient, that physician excluded from it; report-service takes the review off the physician's
 * worklist and discards their unissued draft.
 *
 * @param caseId the case; the subject
 * @param patientId the patient's token subject
 * @param physicianNpi the physician who declined
 * @param declinedAt when
 */
public record PhysicianDeclined(
        String caseId,
        String patientId,
        String physicianNpi,
        Instant declinedAt) implements DomainEvent {

    public PhysicianDeclined {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(physicianNpi, "physicianNpi");
        Objects.requireNonNull(declinedAt, "declinedAt");
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}
