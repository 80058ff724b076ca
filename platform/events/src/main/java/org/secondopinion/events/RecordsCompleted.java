package org.secondopinion.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.secondopinion.events.model.DocumentRef;

/**
 * Every document on the case's checklist is uploaded: the review can start. The review's clock
 * starts here, so the due time may differ from the one planned at selection.
 *
 * @param caseId the case; the subject
 * @param physicianNpi the reviewing physician
 * @param documents every document on the case, for the reviewer to fetch from case-service
 * @param reviewDueAt when the written opinion is due
 * @param completedAt when the last required document arrived
 */
public record RecordsCompleted(
        String caseId,
        String physicianNpi,
        List<DocumentRef> documents,
        Instant reviewDueAt,
        Instant completedAt) implements DomainEvent {

    public RecordsCompleted {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(physicianNpi, "physicianNpi");
        Objects.requireNonNull(reviewDueAt, "reviewDueAt");
        Objects.requireNonNull(completedAt, "completedAt");
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}
