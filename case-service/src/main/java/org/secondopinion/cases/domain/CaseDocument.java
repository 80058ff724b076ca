package org.secondopinion.cases.domain;

import java.time.Instant;
import java.util.UUID;
import org.secondopinion.events.model.DocumentRef;
import org.secondopinion.events.model.DocumentType;

/**
 * A document's metadata (table {@code case_document}); the content is in the {@code DocumentStore}. No file
 * name is kept.
 */
public class CaseDocument {

    public UUID id;
    public UUID caseId;
    public DocumentType type;
    public String contentType;
    public long sizeBytes;
    public String sha256;
    public String uploadedBy;
    public Instant uploadedAt;

    public DocumentRef ref() {
        return new DocumentRef(id.toString(), type, contentType, sizeBytes, sha256, uploadedAt);
    }
}
