package org.secondopinion.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.secondopinion.events.model.DocumentRef;
import org.secondopinion.events.model.DocumentType;

/**
 * The reviewing physician asked the patient for more documents; the case waits for them. The note
 * is the physician's own words to the patient.
 *
 * @param caseId the case; the subject
 * @param physicianNpi the physician who asked
 * @param requestedTypes the kinds of document asked for
 * @param note the physician's note to the patient, or null
 * @param documents the documents already on the case
 * @param requestedAt when the physician asked
 */
public record DocumentsRequested(
        String caseId,
        String physicianNpi,
        List<DocumentType> requestedTypes,
        String note,
        List<DocumentRef> documents,
        Instant requestedAt) implements DomainEvent {

    public DocumentsRequested {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(physicianNpi, "physicianNpi");
        Objects.requireNonNull(requestedAt, "requestedAt");
        requestedTypes = requestedTypes == null ? List.of() : List.copyOf(requestedTypes);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}
