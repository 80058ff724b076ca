package org.secondopinion.cases.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.cases.domain.CaseStage;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.cases.domain.PatientCase;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.PatientDecision;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.platform.web.PageView;

/**
 * Cases, read and written with plain SQL on the transaction's connection. Creating and submitting a
 * case are the service's busiest requests; through Hibernate, its finds, persists, flushes and a bulk
 * update (whose HQL Hibernate translated again on every call) were more than half of the worker threads'
 * time (a flight recording of the benchmark). A loaded case is a plain object: a change is written only by
 * {@link #save}, which every change must end with. The case's timeline ({@code case_stage}) is written with
 * it, in the same statement.
 */
@ApplicationScoped
public class CaseRepository {

    private static final String COLUMNS = """
            id, patient_id, status, version, idempotency_key, details, question_ids, excluded_npis, previous_case_id,
            follow_up_case_id, created_at, updated_at, submitted_at, coverage, coverage_at, matches, matched_at,
            selected_npi, selected_name, selected_at, checklist, review_due_at, report_id, report_version,
            opinion_agreement, opinion_at, decision, decided_at, cancel_reason""";

    /**
     * A case with its open stage (the current one, if any), so that its answer needs no second query (and
     * none after a change committed with its save).
     */
    private static final String SELECT = "select " + COLUMNS + """
            , stage_id, stage, stage_entered_at, stage_due_at from patient_case c left join lateral
              (select s.id as stage_id, s.stage, s.entered_at as stage_entered_at, s.due_at as stage_due_at
               from case_stage s where s.case_id = c.id and s.done_at is null order by s.id desc limit 1) open on true""";

    /** The statuses in which the selected physician sees a case. */
    private static final String[] VISIBLE_TO_PHYSICIAN = {CaseStatus.PHYSICIAN_SELECTED.name(),
        CaseStatus.AWAITING_RECORDS.name(), CaseStatus.UNDER_REVIEW.name(), CaseStatus.OPINION_ISSUED.name(),
        CaseStatus.CLOSED.name()};

    @Inject
    Sql sql;

    public Optional<PatientCase> find(UUID id) {
        return sql.first(SELECT + " where id = ?", CaseRepository::read, id);
    }

    /** The case with its row locked until the transaction ends, so that changes to one case take turns. */
    public Optional<PatientCase> findForUpdate(UUID id) {
        return sql.first(SELECT + " where id = ? for update of c", CaseRepository::read, id);
    }

    public Optional<PatientCase> findByIdempotencyKey(String patientId, String key) {
        return sql.first(SELECT + " where patient_id = ? and idempotency_key = ?",
                CaseRepository::read, patientId, key);
    }

    /**
     * Inserts a new case with its first stage as a change of its own, and commits the transaction with it
     * in one round trip ({@link Sql#commitWith}): nothing may follow it in the transaction. When the
     * patient already has a case with its Idempotency-Key the statement fails and nothing of the transaction
     * is kept ({@link #idempotencyKeyUsed} tells that failure). A retry racing the first request waits for
     * it to commit (the unique key's lock), so the caller then finds the first request's case.
     */
    public void create(PatientCase c) {
        sql.commitWith(INSERT, insertParameters(c));
        c.unsavedStages.clear();
    }

    /** Inserts a new case with its first stage as part of a larger change (a follow-up case). */
    public void insert(PatientCase c) {
        sql.update(INSERT, insertParameters(c));
        c.unsavedStages.clear();
    }

    /** Whether {@code e}, thrown by {@link #create}, says that the patient used the new case's Idempotency-Key before. */
    public static boolean idempotencyKeyUsed(RuntimeException e) {
        return Sql.violated(e, "patient_case_idempotency");
    }

    /**
     * The case and its first stage. A used Idempotency-Key inserts nothing, and {@code case_created} (migration
     * V5) then fails the statement with an error that names the constraint but, unlike PostgreSQL's own
     * unique-key error, none of the key's values: PostgreSQL logs every error, and a retry is not news.
     */
    private static final String INSERT = "with created as (insert into patient_case (" + COLUMNS + """
            ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              on conflict on constraint patient_case_idempotency do nothing returning id),
            entered as (insert into case_stage (case_id, stage, entered_at, due_at, done_at)
              select id, ?::varchar, ?::timestamptz, ?::timestamptz, ?::timestamptz from created)
            select case_created(count(*)) from created""";

    private static Object[] insertParameters(PatientCase c) {
        if (c.unsavedStages.size() != 1) {
            throw new IllegalArgumentException("A new case enters exactly one stage");
        }
        CaseStage first = c.unsavedStages.getFirst();
        return new Object[] {c.id, c.patientId, c.status, c.version, c.idempotencyKey, c.detailsJson, c.questionIdsJson,
            c.excludedNpisJson, c.previousCaseId, c.followUpCaseId, c.createdAt, c.updatedAt, c.submittedAt,
            c.coverageJson, c.coverageAt, c.matchesJson, c.matchedAt, c.selectedNpi, c.selectedName, c.selectedAt,
            c.checklistJson, c.reviewDueAt, c.reportId, c.reportVersion, c.opinionAgreement, c.opinionAt,
            c.decision, c.decidedAt, c.cancelReason,
            first.stage, first.enteredAt, first.dueAt, first.doneAt};
    }

    /**
     * Writes every change made to a loaded case, with the stages it entered (the stage that was open is
     * done when the first of them was entered), in one statement, counts the change in the case's version
     * (its ETag), and commits the transaction in the same round trip ({@link Sql#commitWith}): every change
     * ends with it, and nothing may follow it in the transaction. The row must still have the version it was
     * read with (callers hold its lock, {@link #findForUpdate}); otherwise the statement fails and nothing of
     * the transaction is kept (the check is in the statement, {@code one_row_changed}, because the commit
     * goes with it).
     */
    public void save(PatientCase c) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder statement = new StringBuilder("with ");
        if (!c.unsavedStages.isEmpty()) {
            statement.append("closed as (update case_stage set done_at = ? where case_id = ? and done_at is null),")
                    .append("\n entered as (insert into case_stage (case_id, stage, entered_at, due_at, done_at) values ");
            parameters.add(c.unsavedStages.getFirst().enteredAt);
            parameters.add(c.id);
            for (int i = 0; i < c.unsavedStages.size(); i++) {
                CaseStage stage = c.unsavedStages.get(i);
                statement.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
                parameters.addAll(Arrays.asList(c.id, stage.stage, stage.enteredAt, stage.dueAt, stage.doneAt));
            }
            statement.append("),\n");
        }
        statement.append("""
                saved as (update patient_case set status = ?, version = version + 1, details = ?, question_ids = ?,
                  excluded_npis = ?, follow_up_case_id = ?, updated_at = ?, submitted_at = ?, coverage = ?,
                  coverage_at = ?, matches = ?, matched_at = ?, selected_npi = ?, selected_name = ?, selected_at = ?,
                  checklist = ?, review_due_at = ?, report_id = ?, report_version = ?, opinion_agreement = ?,
                  opinion_at = ?, decision = ?, decided_at = ?, cancel_reason = ?
                where id = ? and version = ? returning id)
                select one_row_changed(count(*), 'case') from saved""");
        parameters.addAll(Arrays.asList(c.status, c.detailsJson, c.questionIdsJson, c.excludedNpisJson, c.followUpCaseId,
                c.updatedAt, c.submittedAt, c.coverageJson, c.coverageAt, c.matchesJson, c.matchedAt, c.selectedNpi,
                c.selectedName, c.selectedAt, c.checklistJson, c.reviewDueAt, c.reportId, c.reportVersion,
                c.opinionAgreement, c.opinionAt, c.decision, c.decidedAt, c.cancelReason, c.id, c.version));
        sql.commitWith(statement.toString(), parameters.toArray());
        c.version++;
        c.unsavedStages.clear();
    }

    public PageView<PatientCase> ofPatient(String patientId, CaseStatus status, int page, int size) {
        return pageOf("patient_id = ?", "created_at desc, id desc", status, page, size, patientId);
    }

    /** The cases a physician was selected for, from selection on. */
    public PageView<PatientCase> ofPhysician(String npi, CaseStatus status, int page, int size) {
        return pageOf("selected_npi = ? and status = any(?)", "selected_at desc, id desc", status, page, size,
                npi, VISIBLE_TO_PHYSICIAN);
    }

    public PageView<PatientCase> all(CaseStatus status, int page, int size) {
        return pageOf("true", "created_at desc, id desc", status, page, size);
    }

    private PageView<PatientCase> pageOf(String where, String order, CaseStatus status, int page, int size,
            Object... parameters) {
        List<Object> bound = new ArrayList<>(List.of(parameters));
        if (status != null) {
            where += " and status = ?";
            bound.add(status);
        }
        long total = sql.first("select count(*) from patient_case where " + where, row -> row.getLong(1),
                bound.toArray()).orElse(0L);
        bound.add(size);
        bound.add((long) page * size);
        List<PatientCase> items = sql.list(SELECT + " where " + where + " order by " + order
                + " limit ? offset ?", CaseRepository::read, bound.toArray());
        return new PageView<>(items, page, size, total);
    }

    private static PatientCase read(ResultSet row) throws SQLException {
        PatientCase c = new PatientCase();
        c.id = Sql.uuid(row, "id");
        c.patientId = row.getString("patient_id");
        c.status = CaseStatus.valueOf(row.getString("status"));
        c.version = row.getLong("version");
        c.idempotencyKey = row.getString("idempotency_key");
        c.detailsJson = row.getString("details");
        c.questionIdsJson = row.getString("question_ids");
        c.excludedNpisJson = row.getString("excluded_npis");
        c.previousCaseId = Sql.uuid(row, "previous_case_id");
        c.followUpCaseId = Sql.uuid(row, "follow_up_case_id");
        c.createdAt = Sql.instant(row, "created_at");
        c.updatedAt = Sql.instant(row, "updated_at");
        c.submittedAt = Sql.instant(row, "submitted_at");
        c.coverageJson = row.getString("coverage");
        c.coverageAt = Sql.instant(row, "coverage_at");
        c.matchesJson = row.getString("matches");
        c.matchedAt = Sql.instant(row, "matched_at");
        c.selectedNpi = row.getString("selected_npi");
        c.selectedName = row.getString("selected_name");
        c.selectedAt = Sql.instant(row, "selected_at");
        c.checklistJson = row.getString("checklist");
        c.reviewDueAt = Sql.instant(row, "review_due_at");
        c.reportId = row.getString("report_id");
        c.reportVersion = row.getObject("report_version", Integer.class);
        String agreement = row.getString("opinion_agreement");
        c.opinionAgreement = agreement == null ? null : OpinionAgreement.valueOf(agreement);
        c.opinionAt = Sql.instant(row, "opinion_at");
        String decision = row.getString("decision");
        c.decision = decision == null ? null : PatientDecision.valueOf(decision);
        c.decidedAt = Sql.instant(row, "decided_at");
        c.cancelReason = row.getString("cancel_reason");
        long stageId = row.getLong("stage_id");
        if (!row.wasNull()) {
            CaseStage open = new CaseStage();
            open.id = stageId;
            open.caseId = c.id;
            open.stage = CaseStatus.valueOf(row.getString("stage"));
            open.enteredAt = Sql.instant(row, "stage_entered_at");
            open.dueAt = Sql.instant(row, "stage_due_at");
            c.currentStage = open;
        }
        return c;
    }
}
