package org.secondopinion.providers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.providers.domain.Physician;

@ApplicationScoped
public class PhysicianRepository implements PanacheRepositoryBase<Physician, UUID> {

    @Inject
    Sql sql;

    public Optional<Physician> findByNpi(String npi) {
        return find("npi", npi).firstResultOptional();
    }

    public Optional<Physician> findByNpiForUpdate(String npi) {
        return find("npi", npi).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<Physician> findByNpis(Collection<String> npis) {
        return npis.isEmpty() ? List.of() : list("npi in ?1", npis);
    }

    private static final String AREA_LOCATIONS = """
            insert into physician_area_location (area_code, physician_id, clinic_id, latitude, longitude)
            select distinct a.code, p.id, c.id, c.latitude, c.longitude
            from physician p
            join physician_clinic pc on pc.physician_id = p.id
            join clinic c on c.id = pc.clinic_id
            cross join lateral unnest(p.specialties || p.sub_specialties) as a(code)""";

    /** Rewrites the search index rows (area, clinic, coordinates) of these physicians after they were written. */
    public void refreshAreaLocations(Collection<UUID> physicianIds) {
        if (physicianIds.isEmpty()) {
            return;
        }
        // Sql does not flush: the statements must see the physicians and clinics just written.
        flush();
        UUID[] ids = physicianIds.toArray(UUID[]::new);
        sql.update("delete from physician_area_location where physician_id = any(?)", (Object) ids);
        sql.update(AREA_LOCATIONS + " where p.id = any(?)", (Object) ids);
    }

    /** Rebuilds the whole search index (after a bulk load). */
    public void refreshAllAreaLocations() {
        // Sql does not flush: the statements must see the physicians and clinics just written.
        flush();
        sql.update("delete from physician_area_location");
        sql.update(AREA_LOCATIONS);
    }
}
