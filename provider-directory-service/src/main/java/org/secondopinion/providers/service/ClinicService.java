package org.secondopinion.providers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.providers.domain.Clinic;
import org.secondopinion.providers.domain.GeoDistance;
import org.secondopinion.providers.repository.ClinicRepository;
import org.secondopinion.providers.rest.dto.ClinicRequest;
import org.secondopinion.providers.rest.dto.ClinicView;
import org.secondopinion.providers.rest.dto.PageView;

/** Clinics and the clinic locator. */
@ApplicationScoped
public class ClinicService {

    public static final String RESOURCE = "clinic";

    @Inject
    ClinicRepository clinics;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Transactional
    public ClinicView create(ClinicRequest request) {
        Clinic clinic = new Clinic();
        clinic.id = UUID.randomUUID();
        clinic.name = request.name().strip();
        clinic.address = request.address();
        clinic.city = request.city().strip();
        clinic.stateCode = request.stateCode();
        clinic.latitude = request.latitude();
        clinic.longitude = request.longitude();
        clinic.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clinics.persist(clinic);
        audit.record("CREATE", RESOURCE, clinic.id, null);
        return DirectoryViews.clinic(clinic, null);
    }

    @Transactional
    public ClinicView get(UUID id) {
        Clinic clinic = clinics.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Clinic", id));
        audit.record("READ", RESOURCE, id, null);
        return DirectoryViews.clinic(clinic, null);
    }

    /** Clinics within {@code radiusKm} of a point, nearest first, optionally where a physician of a specialty works. */
    @Transactional
    @SuppressWarnings("unchecked")
    public PageView<ClinicView> near(double lat, double lon, double radiusKm, String specialty, int page, int size) {
        GeoBox box = GeoBox.around(lat, lon, radiusKm);
        // With a specialty, driven by the area index (clinics where a physician of the specialty or
        // sub-specialty works, inside the box); without, by the clinics' own coordinate index.
        String clinicsInBox = specialty == null ? "clinic c where " + box.condition("c")
                : "(select distinct a.clinic_id from physician_area_location a where a.area_code = :specialty and "
                        + box.condition("a") + ") x join clinic c on c.id = x.clinic_id";
        Query query = entityManager.createNativeQuery("""
                select id, km, count(*) over () from (
                  select c.id, great_circle_km(:lat, :lon, c.latitude, c.longitude) km from %s) near
                where km <= :radius
                order by km, id
                limit :limit offset :offset""".formatted(clinicsInBox))
                .setParameter("lat", lat).setParameter("lon", lon).setParameter("radius", radiusKm)
                .setParameter("limit", size).setParameter("offset", page * size);
        box.bind(query);
        if (specialty != null) {
            query.setParameter("specialty", specialty);
        }
        List<Object[]> rows = query.getResultList();
        long total = rows.isEmpty() ? countNear(lat, lon, radiusKm, specialty, box, clinicsInBox, page)
                : ((Number) rows.get(0)[2]).longValue();
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, Clinic> byId = ids.isEmpty() ? Map.of()
                : clinics.list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<ClinicView> items = rows.stream()
                .map(r -> DirectoryViews.clinic(byId.get((UUID) r[0]), GeoDistance.round(((Number) r[1]).doubleValue())))
                .toList();
        audit.record("SEARCH", RESOURCE, "near", null);
        return new PageView<>(items, page, size, total);
    }

    /** The total for a page past the end, which has no rows to carry it. */
    private long countNear(double lat, double lon, double radiusKm, String specialty, GeoBox box, String clinicsInBox, int page) {
        if (page == 0) {
            return 0;
        }
        Query query = entityManager.createNativeQuery("""
                select count(*) from (select great_circle_km(:lat, :lon, c.latitude, c.longitude) km from %s) near
                where km <= :radius""".formatted(clinicsInBox))
                .setParameter("lat", lat).setParameter("lon", lon).setParameter("radius", radiusKm);
        box.bind(query);
        if (specialty != null) {
            query.setParameter("specialty", specialty);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
