package org.secondopinion.events;

import java.time.Instant;
import java.util.Objects;
import org.secondopinion.events.model.OpinionAgreement;

/**
 * The reviewing physician issued the written opinion (version 1). From now on the report is
 * immutable; changes come as {@link OpinionAmended}. The text stays in report-service, where the
 * patient reads it.
 *
 * @param caseId the case; the subject
 * @param reportId the report (a UUID)
 * @param version the report version, 1 for a first issue
 * @param physicianNpi the physician who wrote it
 * @param agreement how it relates to the primary provider's opinion
 * @param contentHash SHA-256 of the issued content, lower-case hex
 * @param issuedAt when it was issued
 */
public record OpinionIssued(
        String caseId,
        String reportId,
        int version,
        String physicianNpi,
        OpinionAgreement agreement,
        String contentHash,
        Instant issuedAt) implements DomainEvent {

    public OpinionIssued {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(physicianNpi, "physicianNpi");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (version < 1) {
            throw new IllegalArgumentException("Report versions start at 1");
        }
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}
