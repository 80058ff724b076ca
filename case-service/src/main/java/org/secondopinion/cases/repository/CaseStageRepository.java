package org.secondopinion.cases.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.secondopinion.cases.domain.CaseStage;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.platform.persistence.Sql;

/** Reads a case's timeline, with plain SQL like the case; {@link CaseRepository} writes it with the case. */
@ApplicationScoped
public class CaseStageRepository {

    private static final String COLUMNS = "id, case_id, stage, entered_at, due_at, done_at";

    @Inject
    Sql sql;

    public List<CaseStage> timeline(UUID caseId) {
        return sql.list("select " + COLUMNS + " from case_stage where case_id = ? order by id",
                CaseStageRepository::read, caseId);
    }

    /** Open stages whose due time has passed, most overdue first. */
    public List<CaseStage> overdue(Instant now, int page, int size) {
        return sql.list("select " + COLUMNS + " from case_stage where done_at is null and due_at < ?"
                + " order by due_at, id limit ? offset ?", CaseStageRepository::read, now, size, (long) page * size);
    }

    public long countOverdue(Instant now) {
        return sql.first("select count(*) from case_stage where done_at is null and due_at < ?", row -> row.getLong(1), now)
                .orElse(0L);
    }

    private static CaseStage read(ResultSet row) throws SQLException {
        CaseStage s = new CaseStage();
        s.id = row.getLong("id");
        s.caseId = Sql.uuid(row, "case_id");
        s.stage = CaseStatus.valueOf(row.getString("stage"));
        s.enteredAt = Sql.instant(row, "entered_at");
        s.dueAt = Sql.instant(row, "due_at");
        s.doneAt = Sql.instant(row, "done_at");
        return s;
    }
}
