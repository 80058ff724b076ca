package org.secondopinion.platform.audit;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.web.RequestId;

/**
 * Records every read and write of health data: who (from {@link Caller}), what, whose, when, the
 * outcome and the request id. A successful access is written in the caller's transaction, so the
 * record and the change commit or roll back together; a refused one in its own transaction, so the
 * refusal is kept even though the request fails.
 */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditRecord> {

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

    /** Records a refused access; kept even when the request's own transaction rolls back. */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordDenied(String action, String resourceType, Object resourceId, String patientId) {
        insert(action, resourceType, resourceId, patientId, DENIED);
    }

    /** Who accessed a patient's data, newest first. */
    @Transactional
    public List<AuditEntry> forPatient(String patientId, int pageIndex, int pageSize) {
        return find("patientId", Sort.descending("occurredAt", "id"), patientId)
                .page(Page.of(pageIndex, pageSize))
                .list().stream().map(AuditEntry::of).toList();
    }

    /** Who accessed one resource, newest first. */
    @Transactional
    public List<AuditEntry> forResource(String resourceType, String resourceId, int pageIndex, int pageSize) {
        return find("resourceType = ?1 and resourceId = ?2", Sort.descending("occurredAt", "id"), resourceType, resourceId)
                .page(Page.of(pageIndex, pageSize))
                .list().stream().map(AuditEntry::of).toList();
    }

    /**
     * One plain insert on the transaction's connection: every request writes a record, and going through
     * the entity (an identity insert with its generated key read back) cost a tenth of a service's CPU.
     */
    private void insert(String action, String resourceType, Object resourceId, String patientId, String outcome) {
        // Consumers of events act outside any HTTP request: they are the service itself.
        boolean inRequest = Arc.container().requestContext().isActive();
        boolean person = inRequest && caller.isAuthenticated();
        sql.update("""
                insert into audit_log (occurred_at, actor, actor_role, action, resource_type, resource_id, patient_id, outcome, request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                person ? caller.subject() : SYSTEM,
                person ? caller.primaryRole() : SYSTEM,
                action, resourceType, String.valueOf(resourceId), patientId, outcome,
                inRequest ? requestId.value() : null);
    }
}
