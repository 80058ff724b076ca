package org.secondopinion.platform.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.web.PageView;
import org.secondopinion.platform.web.RequestId;

/**
 * Records every read and write of health data: who (from {@link Caller}), what, whose, when, the
 * outcome and the request id. A successful access is written in the caller's transaction, so the
 * record and the change commit or roll back together. A refusal answered as an error is recorded when it
 * is answered, in a transaction of its own ({@code ApiException.auditedAsDenied}), so it is kept although
 * the request fails.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SUCCESS = "SUCCESS";
    public static final String DENIED = "DENIED";
    /** The actor and role of accesses made by the service itself, such as applying an event. */
    public static final String SYSTEM = "system";
    /** The resource type of a refusal by an endpoint's access rule; the resource id is the path. */
    public static final String ENDPOINT = "endpoint";

    @Inject
    Caller caller;

    @Inject
    RequestId requestId;

    @Inject
    Sql sql;

    /** Records a successful access in the current transaction. */
    @Transactional(TxType.MANDATORY)
    public void record(String action, String resourceType, Object resourceId, String patientId) {
        insert(action, resourceType, resourceId, patientId, SUCCESS);
    }

    /**
     * Records a refused access in the current transaction, or in one of its own when none is active. For a
     * refusal the request goes on from (an empty answer) and for the error answers that carry one
     * ({@code ApiException.auditedAsDenied}), which are recorded after the request's transaction. A refusal
     * thrown as an error is marked on the exception instead: recorded here first, it would roll back with
     * the request.
     */
    @Transactional
    public void recordDenied(String action, String resourceType, Object resourceId, String patientId) {
        insert(action, resourceType, resourceId, patientId, DENIED);
    }

    /** Who accessed a patient's data, newest first. */
    @Transactional
    public List<AuditEntry> forPatient(String patientId, int pageIndex, int pageSize) {
        return sql.list("select " + ENTRY + " from audit_log where patient_id = ? order by occurred_at desc, id desc limit ? offset ?",
                AuditLog::entry, patientId, pageSize, (long) pageIndex * pageSize);
    }

    /** Who accessed one resource, newest first. */
    @Transactional
    public List<AuditEntry> forResource(String resourceType, String resourceId, int pageIndex, int pageSize) {
        return sql.list("select " + ENTRY + " from audit_log where resource_type = ? and resource_id = ?"
                + " order by occurred_at desc, id desc limit ? offset ?", AuditLog::entry, resourceType, resourceId, pageSize, (long) pageIndex * pageSize);
    }

    /**
     * Who accessed a patient's resource or anything filed under it (resource ids {@code resourceId/...}, such
     * as a case's documents), newest first.
     */
    @Transactional
    public PageView<AuditEntry> forResourceAndParts(String patientId, String resourceId, int pageIndex, int pageSize) {
        String where = " from audit_log where patient_id = ? and (resource_id = ? or resource_id like ?)";
        String parts = resourceId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
        List<AuditEntry> items = sql.list("select " + ENTRY + where + " order by occurred_at desc, id desc limit ? offset ?",
                AuditLog::entry, patientId, resourceId, parts, pageSize, (long) pageIndex * pageSize);
        long total = sql.first("select count(*)" + where, row -> row.getLong(1), patientId, resourceId, parts).orElse(0L);
        return new PageView<>(items, pageIndex, pageSize, total);
    }

    private static final String ENTRY = "occurred_at, actor, actor_role, action, resource_type, resource_id, outcome, request_id";

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(Sql.instant(row, "occurred_at"), row.getString("actor"), row.getString("actor_role"),
                row.getString("action"), row.getString("resource_type"), row.getString("resource_id"),
                row.getString("outcome"), row.getString("request_id"));
    }

    /**
     * One plain insert, deferred ({@link Sql#defer}): every request writes a record, so it rides with the
     * request's next statement, or goes just before the commit. Going through an entity (an identity insert
     * with its generated key read back) cost a tenth of a service's CPU.
     */
    private void insert(String action, String resourceType, Object resourceId, String patientId, String outcome) {
        // Consumers of events act outside any HTTP request: they are the service itself.
        boolean inRequest = Arc.container().requestContext().isActive();
        boolean person = inRequest && caller.isAuthenticated();
        sql.defer("""
                insert into audit_log (occurred_at, actor, actor_role, action, resource_type, resource_id, patient_id, outcome, request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                person ? caller.subject() : SYSTEM,
                person ? caller.primaryRole() : SYSTEM,
                action, resourceType, String.valueOf(resourceId), patientId, outcome,
                inRequest ? requestId.value() : null);
    }
}
