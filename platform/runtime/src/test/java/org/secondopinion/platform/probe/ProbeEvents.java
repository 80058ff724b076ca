package org.secondopinion.platform.probe;

import java.time.Instant;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.model.CancelledBy;

/** The event the probe publishes and consumes: any catalogue event will do; this one is small. */
public final class ProbeEvents {

    private ProbeEvents() {
    }

    public static CaseCancelled cancelled(String caseId, String patientId) {
        return new CaseCancelled(caseId, patientId, "DRAFT", CancelledBy.PATIENT, null, Instant.now());
    }
}
