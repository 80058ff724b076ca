package org.secondopinion.events.model;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A document uploaded to a case. It carries no file name, because patients' file names often contain
 * health data; the content stays in case-service and is fetched from there by id.
 *
 * @param documentId the document's id in case-service (a UUID)
 * @param type what the document is
 * @param contentType the media type, for example {@code application/pdf}
 * @param sizeBytes the size of the content
 * @param sha256 the SHA-256 of the content, lower-case hex, verified on download
 * @param uploadedAt when the upload completed
 */
public record DocumentRef(
        String documentId,
        DocumentType type,
        String contentType,
        long sizeBytes,
        String sha256,
        Instant uploadedAt) {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public DocumentRef {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("Document size must not be negative");
        }
        if (!SHA_256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }
}
