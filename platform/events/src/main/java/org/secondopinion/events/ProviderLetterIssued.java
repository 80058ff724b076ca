package org.secondopinion.events;

import java.time.Instant;
import java.util.Objects;
import org.secondopinion.events.model.ProviderRef;

/**
 * Report-service issued a letter to the primary provider explaining how the second opinion differs
 * from theirs. Integrations deliver it; the letter itself stays in report-service.
 *
 * @param caseId the case; the subject
 * @param reportId the report the letter explains
 * @param reportVersion the report version it explains
 * @param letterId the letter (a UUID)
 * @param primaryProvider the addressee
 * @param letterReference where the letter's PDF is fetched from report-service (a URI reference)
 * @param contentHash SHA-256 of the PDF, lower-case hex
 * @param issuedAt when the letter was issued
 */
public record ProviderLetterIssued(
        String caseId,
        String reportId,
        int reportVersion,
        String letterId,
        ProviderRef primaryProvider,
        String letterReference,
        String contentHash,
        Instant issuedAt) implements DomainEvent {

    public ProviderLetterIssued {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(letterId, "letterId");
        Objects.requireNonNull(primaryProvider, "primaryProvider");
        Objects.requireNonNull(letterReference, "letterReference");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (reportVersion < 1) {
            throw new IllegalArgumentException("Report versions start at 1");
        }
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}
