package org.secondopinion.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.secondopinion.cases.config.CaseConfig;
import org.secondopinion.cases.domain.CaseDocument;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.cases.domain.PatientCase;
import org.secondopinion.cases.repository.CaseRepository;
import org.secondopinion.cases.repository.DocumentRepository;
import org.secondopinion.cases.service.CaseAccess.Party;
import org.secondopinion.cases.service.CaseApi.DocumentView;
import org.secondopinion.events.Uuids;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.problem.ApiException;

/**
 * A case's documents: uploads bounded in size and checked for type, stored with their SHA-256, which
 * every download verifies before a byte leaves the service.
 */
@ApplicationScoped
public class DocumentService {

    public static final String RESOURCE = "case-document";

    /** A verified download: the document's metadata and a temporary file holding exactly its content. */
    public record Download(DocumentView document, Path content) {
    }

    @Inject
    CaseAccess access;

    @Inject
    DocumentRepository documents;

    @Inject
    DocumentStore store;

    @Inject
    CaseService caseService;

    @Inject
    CaseRepository cases;

    @Inject
    AuditLog audit;

    @Inject
    CaseConfig config;

    /**
     * Stores an upload the HTTP layer spooled to {@code file}.
     *
     * @param declaredType the media type the client declared for the part
     */
    @Transactional
    public DocumentView upload(UUID caseId, DocumentType type, String declaredType, Path file) {
        PatientCase found = access.forUpdate(caseId, "UPLOAD_DOCUMENT", CaseAccess.OWNER_ONLY);
        if (type == null) {
            throw ApiException.invalid("Say what the document is.",
                    List.of(new org.secondopinion.platform.problem.Problem.FieldError("type", "is required")));
        }
        if (!found.status.acceptsDocuments()) {
            throw ApiException.conflict("Documents are uploaded after a physician is selected and before the review starts;"
                    + " this case is " + found.status + ".");
        }
        long size = sizeOf(file);
        if (size > config.documents().maxBytes()) {
            throw new ApiException(413, "Document too large",
                    "A document may have at most " + config.documents().maxBytes() + " bytes.");
        }
        if (size == 0) {
            throw ApiException.badRequest("The document is empty.");
        }
        String declared = ContentTypes.normalise(declaredType).orElse("");
        String detected;
        try (InputStream head = Files.newInputStream(file)) {
            detected = ContentTypes.detect(head).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ContentTypes.ACCEPTED.contains(declared) || !declared.equals(detected)) {
            throw new ApiException(415, "Unsupported document type",
                    "Upload a PDF, JPEG, PNG, DICOM or plain-text document, declared with its own media type.");
        }
        CaseDocument document = new CaseDocument();
        document.id = Uuids.timeOrdered();
        document.caseId = caseId;
        document.type = type;
        document.contentType = declared;
        document.uploadedBy = found.patientId;
        document.uploadedAt = CaseService.now();
        MessageDigest sha256 = sha256();
        try (InputStream content = new DigestInputStream(Files.newInputStream(file), sha256)) {
            document.sizeBytes = store.write(document.id, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.sha256 = HexFormat.of().formatHex(sha256.digest());
        documents.insert(document);
        List<CaseDocument> onCase = documents.ofCase(caseId);
        found.checklist(Checklists.fulfil(found.checklist(), onCase));
        found.updatedAt = document.uploadedAt;
        caseService.recordsMaybeComplete(found, onCase, document.uploadedAt);
        audit.record("UPLOAD", RESOURCE, auditId(document), found.patientId);
        cases.save(found);
        return view(document);
    }

    @Transactional
    public List<DocumentView> list(UUID caseId) {
        PatientCase found = access.forRead(caseId, "LIST_DOCUMENTS", CaseAccess.ANYONE_INVOLVED);
        audit.record("LIST_DOCUMENTS", CaseService.RESOURCE, caseId, found.patientId);
        return documents.ofCase(caseId).stream().map(DocumentService::view).toList();
    }

    /**
     * Copies the content to a temporary file while computing its SHA-256, and hands it out only when
     * it matches the checksum taken at upload. Coordinators never see contents (403).
     */
    @Transactional
    public Download download(UUID caseId, UUID documentId) {
        PatientCase found = access.forRead(caseId, "DOWNLOAD", CaseAccess.ANYONE_INVOLVED);
        String auditId = caseId + "/" + documentId;
        if (access.partyOf(found) == Party.COORDINATOR) {
            throw ApiException.forbidden("Coordinators see a case's status and documents list, not document contents.")
                    .auditedAsDenied("DOWNLOAD", RESOURCE, auditId, found.patientId);
        }
        CaseDocument document = documents.ofCase(caseId, documentId)
                .orElseThrow(() -> ApiException.notFound("Document", documentId));
        Path copy = null;
        try {
            copy = Files.createTempFile("smo-document-", ".bin");
            MessageDigest sha256 = sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(copy), sha256)) {
                store.read(documentId, out);
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(document.sha256) || Files.size(copy) != document.sizeBytes) {
                Files.deleteIfExists(copy);
                throw new ApiException(500, "Document integrity check failed",
                        "The stored document does not match the checksum taken at upload, so it is not served."
                                + " Operations have been told; the patient may upload it again.")
                        .auditedAsDenied("DOWNLOAD_INTEGRITY_FAILED", RESOURCE, auditId, found.patientId);
            }
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new UncheckedIOException(e);
        }
        audit.record("DOWNLOAD", RESOURCE, auditId, found.patientId);
        return new Download(view(document), copy);
    }

    /** Deletes a document while records are gathered; its checklist item is open again. */
    @Transactional
    public void delete(UUID caseId, UUID documentId) {
        PatientCase found = access.forUpdate(caseId, "DELETE_DOCUMENT", CaseAccess.OWNER_ONLY);
        CaseDocument document = documents.ofCase(caseId, documentId)
                .orElseThrow(() -> ApiException.notFound("Document", documentId));
        if (!found.status.acceptsDocuments()) {
            throw ApiException.conflict("Documents can be deleted only until the review starts; this case is "
                    + found.status + ".");
        }
        store.delete(documentId);
        documents.delete(document);
        found.checklist(Checklists.withoutDocument(found.checklist(), documentId.toString(), documents.ofCase(caseId)));
        found.updatedAt = CaseService.now();
        audit.record("DELETE", RESOURCE, caseId + "/" + documentId, found.patientId);
        cases.save(found);
    }

    static DocumentView view(CaseDocument d) {
        return new DocumentView(d.id, d.caseId, d.type, d.contentType, d.sizeBytes, d.sha256, d.uploadedAt);
    }

    private static String auditId(CaseDocument d) {
        return d.caseId + "/" + d.id;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file; the OS cleans it up eventually.
            }
        }
    }

}
