package org.secondopinion.providers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.providers.domain.Physician;

@ApplicationScoped
public class PhysicianRepository implements PanacheRepositoryBase<Physician, UUID> {

    public Optional<Physician> findByNpi(String npi) {
        return find("npi", npi).firstResultOptional();
    }

    public Optional<Physician> findByNpiForUpdate(String npi) {
        return find("npi", npi).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<Physician> findByNpis(Collection<String> npis) {
        return npis.isEmpty() ? List.of() : list("npi in ?1", npis);
    }

    /** Everyone who practises in a specialty area: claims it, or holds a certification in it. */
    @SuppressWarnings("unchecked")
    public List<Physician> inArea(String specialtyCode) {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                select p.id from physician p where p.specialties @> array[cast(?1 as text)]
                union
                select c.physician_id from board_certification c where c.specialty_code = ?1""", UUID.class)
                .setParameter(1, specialtyCode)
                .getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
