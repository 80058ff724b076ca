package org.secondopinion.providers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secondopinion.events.Uuids;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.providers.domain.Clinic;
import org.secondopinion.providers.domain.GeoDistance;
import org.secondopinion.providers.repository.ClinicRepository;
import org.secondopinion.providers.rest.dto.ClinicRequest;
import org.secondopinion.providers.rest.dto.ClinicView;
import org.secondopinion.platform.web.PageView;

/** Clinics and the clinic locator. */
@ApplicationScoped
public class ClinicService {

    public static final String RESOURCE = "clinic";

    @Inject
    ClinicRepository clinics;

    @Inject
    Sql sql;

    @Inject
    AuditLog audit;

    @Transactional
    public ClinicView create(ClinicRequest request) {
        Clinic clinic = new Clinic();
        clinic.id = Uuids.timeOrdered();
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
    public PageView<ClinicView> near(double lat, double lon, double radiusKm, String specialty, int page, int size) {
        GeoBox box = GeoBox.around(lat, lon, radiusKm);
        // With a specialty, driven by the area index (clinics where a physician of the specialty or
        // sub-specialty works, inside the box); without, by the clinics' own coordinate index.
        String clinicsInBox = specialty == null ? "clinic c where " + box.condition("c")
                : "(select distinct a.clinic_id from physician_area_location a where a.area_code = ? and "
                        + box.condition("a") + ") x join clinic c on c.id = x.clinic_id";
        // The positional parameters up to the radius, in the order of their markers in both statements.
        List<Object> params = new ArrayList<>(List.of(lat, lon));
        if (specialty != null) {
            params.add(specialty);
        }
        params.addAll(box.parameters());
        params.add(radiusKm);
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add(page * size);
        List<Near> rows = sql.list("""
                select id, km, count(*) over () from (
                  select c.id, great_circle_km(?, ?, c.latitude, c.longitude) km from %s) near
                where km <= ?
                order by km, id
                limit ? offset ?""".formatted(clinicsInBox),
                row -> new Near(row.getObject(1, UUID.class), row.getDouble(2), row.getLong(3)), paged.toArray());
        long total = rows.isEmpty() ? countNear(clinicsInBox, params, page) : rows.get(0).total();
        List<UUID> ids = rows.stream().map(Near::id).toList();
        Map<UUID, Clinic> byId = ids.isEmpty() ? Map.of()
                : clinics.list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<ClinicView> items = rows.stream()
                .map(r -> DirectoryViews.clinic(byId.get(r.id()), GeoDistance.round(r.km())))
                .toList();
        audit.record("SEARCH", RESOURCE, "near", null);
        return new PageView<>(items, page, size, total);
    }

    /** One row of the clinic locator: a clinic, its distance, and the number of clinics found. */
    private record Near(UUID id, double km, long total) {
    }

    /** The total for a page past the end, which has no rows to carry it. */
    private long countNear(String clinicsInBox, List<Object> params, int page) {
        if (page == 0) {
            return 0;
        }
        return sql.first("""
                select count(*) from (select great_circle_km(?, ?, c.latitude, c.longitude) km from %s) near
                where km <= ?""".formatted(clinicsInBox), row -> row.getLong(1), params.toArray()).orElseThrow();
    }
}
