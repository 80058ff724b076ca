package org.secondopinion.events;

import java.time.Instant;
import java.util.Objects;
import org.secondopinion.events.model.PatientDecision;

/**
 * The patient decided what to do after the second opinion.
 *
 * @param caseId the case; the subject
 * @param patientId the patient's token subject
 * @param decision what the patient decided
 * @param physicianNpi the physician who gave the second opinion, or null
 * @param followUpCaseId the linked case opened to seek another opinion, or null; only with
 *     {@link PatientDecision#SEEK_ANOTHER_OPINION}
 * @param decidedAt when
 */
public record PatientDecisionRecorded(
        String caseId,
        String patientId,
        PatientDecision decision,
        String physicianNpi,
        String followUpCaseId,
        Instant decidedAt) implements DomainEvent {

    public PatientDecisionRecorded {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (followUpCaseId != null && decision != PatientDecision.SEEK_ANOTHER_OPINION) {
            throw new IllegalArgumentException("Only a decision to seek another opinion has a follow-up case");
        }
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}
