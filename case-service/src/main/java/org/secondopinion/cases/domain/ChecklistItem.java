package org.secondopinion.cases.domain;

import java.time.Instant;
import org.secondopinion.events.model.DocumentType;

/**
 * One document the reviewing physician needs: its type, who asked for it and when, and the document
 * that fulfils it (null until one is uploaded).
 *
 * @param requestedBy {@code SELECTION} for the physician's pre-visit requirements, {@code PHYSICIAN} for a later request
 */
public record ChecklistItem(DocumentType type, String requestedBy, Instant requestedAt, String documentId) {

    public boolean done() {
        return documentId != null;
    }

    public ChecklistItem fulfilledBy(String id) {
        return new ChecklistItem(type, requestedBy, requestedAt, id);
    }
}
