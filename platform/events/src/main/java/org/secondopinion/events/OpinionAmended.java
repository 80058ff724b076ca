package org.secondopinion.events;

import java.time.Instant;
import java.util.Objects;
import org.secondopinion.events.model.AmendmentKind;
import org.secondopinion.events.model.OpinionAgreement;

/**
 * The physician issued a new version of an issued report. Earlier versions stay readable; the
 * agreement here is the one that now counts.
 *
 * @param caseId the case; the subject
 * @param reportId the report (a UUID)
 * @param version the new version
 * @param previousVersion the version it amends
 * @param kind a correction or an addition
 * @param reason why, in the physician's words
 * @param physicianNpi the physician who wrote it
 * @param agreement how the report now relates to the primary provider's opinion
 * @param contentHash SHA-256 of the new version's content, lower-case hex
 * @param issuedAt when the new version was issued
 */
public record OpinionAmended(
        String caseId,
        String reportId,
        int version,
        int previousVersion,
        AmendmentKind kind,
        String reason,
        String physicianNpi,
        OpinionAgreement agreement,
        String contentHash,
        Instant issuedAt) implements DomainEvent {

    public OpinionAmended {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(physicianNpi, "physicianNpi");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (previousVersion < 1 || version <= previousVersion) {
            throw new IllegalArgumentException("An amendment's version must follow the version it amends");
        }
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}
