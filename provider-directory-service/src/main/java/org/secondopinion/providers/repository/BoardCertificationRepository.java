package org.secondopinion.providers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.secondopinion.providers.domain.BoardCertification;

@ApplicationScoped
public class BoardCertificationRepository implements PanacheRepositoryBase<BoardCertification, UUID> {

    /**
     * Certifications whose verification is due, locked; rows another instance is verifying are
     * skipped, so two schedulers never verify (and announce) the same certification twice.
     */
    @SuppressWarnings("unchecked")
    public List<BoardCertification> lockDue(Instant now, int limit) {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                select id from board_certification
                where next_due_at is null or next_due_at <= ?1
                order by next_due_at nulls first
                limit ?2
                for update skip locked""", UUID.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        return ids.isEmpty() ? List.of()
                : find("select c from BoardCertification c join fetch c.physician where c.id in ?1", ids).list();
    }

    /** Makes the certifications of these physicians due now, because their primary source changed. */
    public int markDueForNpis(Collection<String> npis, Instant now) {
        if (npis.isEmpty()) {
            return 0;
        }
        return getEntityManager().createNativeQuery("""
                update board_certification set next_due_at = ?1
                where physician_id in (select id from physician where npi = any(?2))""")
                .setParameter(1, now)
                .setParameter(2, npis.toArray(String[]::new))
                .executeUpdate();
    }
}
