package org.secondopinion.cases.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.cases.domain.CaseDocument;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<CaseDocument, UUID> {

    public List<CaseDocument> ofCase(UUID caseId) {
        return list("caseId", Sort.ascending("uploadedAt", "id"), caseId);
    }

    public Optional<CaseDocument> ofCase(UUID caseId, UUID documentId) {
        return find("id = ?1 and caseId = ?2", documentId, caseId).firstResultOptional();
    }
}
