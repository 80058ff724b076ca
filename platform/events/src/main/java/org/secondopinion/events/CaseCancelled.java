package org.secondopinion.events;

import java.time.Instant;
import java.util.Objects;
import org.secondopinion.events.model.CancelledBy;

/**
 * A case was cancelled. Consumers stop work on it: eligibility forgets pending inquiries, report-service
 * withdraws the review.
 *
 * @param caseId the case; the subject
 * @param patientId the patient's token subject
 * @param stage the case status when it was cancelled (case-service's status name, for example
 *     {@code AWAITING_RECORDS}); a string because the state machine belongs to case-service
 * @param cancelledBy who cancelled
 * @param reason the reason given, or null
 * @param cancelledAt when
 */
public record CaseCancelled(
        String caseId,
        String patientId,
        String stage,
        CancelledBy cancelledBy,
        String reason,
        Instant cancelledAt) implements DomainEvent {

    public CaseCancelled {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}
