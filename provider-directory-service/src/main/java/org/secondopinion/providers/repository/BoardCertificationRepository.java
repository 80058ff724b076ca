package org.secondopinion.providers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.providers.domain.BoardCertification;

@ApplicationScoped
public class BoardCertificationRepository implements PanacheRepositoryBase<BoardCertification, UUID> {

    @Inject
    Sql sql;

    /**
     * Certifications whose verification is due, locked; rows another instance is verifying are
     * skipped, so two schedulers never verify (and announce) the same certification twice.
     */
    public List<BoardCertification> lockDue(Instant now, int limit) {
        List<UUID> ids = sql.list("""
                select id from board_certification
                where next_due_at is null or next_due_at <= ?
                order by next_due_at nulls first
                limit ?
                for update skip locked""", row -> Sql.uuid(row, "id"), now, limit);
        return ids.isEmpty() ? List.of()
                : find("select c from BoardCertification c join fetch c.physician where c.id in ?1", ids).list();
    }

    /** Makes the certifications of these physicians due now, because their primary source changed. */
    public int markDueForNpis(Collection<String> npis, Instant now) {
        if (npis.isEmpty()) {
            return 0;
        }
        // Sql does not flush: write this transaction's pending changes first, as a native update did.
        flush();
        return sql.update("""
                update board_certification set next_due_at = ?
                where physician_id in (select id from physician where npi = any(?))""", now, npis.toArray(String[]::new));
    }
}
