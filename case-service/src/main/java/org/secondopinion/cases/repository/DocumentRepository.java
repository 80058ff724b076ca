package org.secondopinion.cases.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.cases.domain.CaseDocument;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.platform.persistence.Sql;

/** Documents' metadata, read and written with plain SQL on the transaction's connection, like the cases. */
@ApplicationScoped
public class DocumentRepository {

    private static final String COLUMNS = "id, case_id, type, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    @Inject
    Sql sql;

    public void insert(CaseDocument d) {
        sql.update("insert into case_document (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
                d.id, d.caseId, d.type, d.contentType, d.sizeBytes, d.sha256, d.uploadedBy, d.uploadedAt);
    }

    /** A case's documents, oldest first. */
    public List<CaseDocument> ofCase(UUID caseId) {
        return sql.list("select " + COLUMNS + " from case_document where case_id = ? order by uploaded_at, id",
                DocumentRepository::read, caseId);
    }

    public Optional<CaseDocument> ofCase(UUID caseId, UUID documentId) {
        return sql.first("select " + COLUMNS + " from case_document where id = ? and case_id = ?",
                DocumentRepository::read, documentId, caseId);
    }

    public void delete(CaseDocument d) {
        sql.update("delete from case_document where id = ?", d.id);
    }

    private static CaseDocument read(ResultSet row) throws SQLException {
        CaseDocument d = new CaseDocument();
        d.id = Sql.uuid(row, "id");
        d.caseId = Sql.uuid(row, "case_id");
        d.type = DocumentType.valueOf(row.getString("type"));
        d.contentType = row.getString("content_type");
        d.sizeBytes = row.getLong("size_bytes");
        d.sha256 = row.getString("sha256");
        d.uploadedBy = row.getString("uploaded_by");
        d.uploadedAt = Sql.instant(row, "uploaded_at");
        return d;
    }
}
