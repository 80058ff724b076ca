package org.secondopinion.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.secondopinion.events.model.DocumentRef;
import org.secondopinion.events.model.DocumentType;

/** A document's metadata; the content is in the {@code DocumentStore}. No file name is kept. */
@Entity
@Table(name = "case_document")
public class CaseDocument {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentType type;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public DocumentRef ref() {
        return new DocumentRef(id.toString(), type, contentType, sizeBytes, sha256, uploadedAt);
    }
}
