package org.secondopinion.cases.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.cases.domain.CaseStage;

@ApplicationScoped
public class CaseStageRepository implements PanacheRepository<CaseStage> {

    public List<CaseStage> timeline(UUID caseId) {
        return list("caseId", Sort.ascending("id"), caseId);
    }

    public Optional<CaseStage> current(UUID caseId) {
        return find("caseId = ?1 and doneAt is null", Sort.descending("id"), caseId).firstResultOptional();
    }

    /** Marks the case's open stage done (there is at most one); does not touch stages loaded in this session. */
    public void closeOpen(UUID caseId, Instant doneAt) {
        update("doneAt = ?1 where caseId = ?2 and doneAt is null", doneAt, caseId);
    }

    /** Open stages whose due time has passed, most overdue first. */
    public List<CaseStage> overdue(Instant now, int page, int size) {
        return find("doneAt is null and dueAt < ?1", Sort.ascending("dueAt", "id"), now).page(Page.of(page, size)).list();
    }

    public long countOverdue(Instant now) {
        return count("doneAt is null and dueAt < ?1", now);
    }
}
