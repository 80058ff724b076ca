package org.secondopinion.platform.audit;

import java.time.Instant;

/**
 * An audit record as shown to a patient ("who accessed my case") or a coordinator.
 *
 * @param actor the subject of who acted (a user id or a client id)
 * @param actorRole their role at the time
 * @param action what they did, for example {@code READ} or {@code UPDATE}
 */
public record AuditEntry(Instant occurredAt, String actor, String actorRole, String action, String resourceType,
        String resourceId, String outcome, String requestId) {
}
