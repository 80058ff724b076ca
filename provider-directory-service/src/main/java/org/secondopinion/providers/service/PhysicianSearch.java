package org.secondopinion.providers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.providers.domain.BoardCertification;
import org.secondopinion.providers.domain.Clinic;
import org.secondopinion.providers.domain.GeoDistance;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.repository.PhysicianRepository;
import org.secondopinion.providers.rest.dto.ClinicView;
import org.secondopinion.platform.web.PageView;
import org.secondopinion.providers.rest.dto.PhysicianSummary;

/**
 * {@code GET /api/physicians}: filters become SQL conditions (array containment, served by GIN
 * indexes), the distance is the great-circle distance to the physician's nearest clinic, and a radius
 * first narrows clinics by a latitude/longitude box.
 */
@ApplicationScoped
public class PhysicianSearch {

    /** How results are ordered. */
    public enum SortOrder {
        DISTANCE, RELEVANCE
    }

    /** The search's filters; null means "any". */
    public record Criteria(String specialty, String subSpecialty, String network, String language, String affiliation,
            Boolean accepting, Double latitude, Double longitude, Double radiusKm, SortOrder sort, int page, int size) {
    }

    @Inject
    Sql sql;

    @Inject
    PhysicianRepository physicians;

    @Inject
    AuditLog audit;

    @Transactional
    public PageView<PhysicianSummary> search(Criteria c) {
        boolean point = c.latitude() != null;
        if ((c.latitude() == null) != (c.longitude() == null)) {
            throw ApiException.badRequest("Give both lat and lon, or neither.");
        }
        if (c.radiusKm() != null && !point) {
            throw ApiException.badRequest("radiusKm needs a point (lat and lon).");
        }
        SortOrder sort = c.sort() != null ? c.sort() : point ? SortOrder.DISTANCE : SortOrder.RELEVANCE;
        if (sort == SortOrder.DISTANCE && !point) {
            throw ApiException.badRequest("Sorting by distance needs a point (lat and lon).");
        }
        // Positional parameters: each part of the statement keeps its values in the order of its markers.
        List<Object> whereParams = new ArrayList<>();
        List<String> where = new ArrayList<>();
        contains(where, whereParams, "specialties", c.specialty());
        contains(where, whereParams, "sub_specialties", c.subSpecialty());
        contains(where, whereParams, "networks", c.network());
        contains(where, whereParams, "languages", c.language());
        if (c.affiliation() != null) {
            where.add("(p.hospital_affiliations @> array[cast(? as text)] or p.medical_schools @> array[cast(? as text)])");
            whereParams.add(c.affiliation());
            whereParams.add(c.affiliation());
        }
        if (c.accepting() != null) {
            where.add("p.accepting_second_opinions = ?");
            whereParams.add(c.accepting());
        }
        String area = c.subSpecialty() != null ? "b.sub_specialty_code = ?"
                : c.specialty() != null ? "b.specialty_code = ?" : "true";
        List<Object> selectParams = new ArrayList<>();
        if (c.subSpecialty() != null || c.specialty() != null) {
            selectParams.add(c.subSpecialty() != null ? c.subSpecialty() : c.specialty());
        }
        // A scalar subquery with a limit, probed per row through the physician index: as "exists" the planner
        // may hash it over every certification in the directory.
        String verified = """
                coalesce((select true from board_certification b where b.physician_id = p.id and %s
                  and b.verification_outcome = 'VERIFIED' and b.verified_status = 'CERTIFIED'
                  and (b.verified_valid_until is null or b.verified_valid_until >= current_date) limit 1), false)""".formatted(area);

        String from;
        List<Object> fromParams = new ArrayList<>();
        if (point) {
            fromParams.add(c.latitude());
            fromParams.add(c.longitude());
        }
        String areaCode = c.subSpecialty() != null ? c.subSpecialty() : c.specialty();
        if (point && areaCode != null) {
            // Through the area index: only the physicians of the area near the point (or anywhere, nearest first).
            fromParams.add(areaCode);
            String near = "";
            if (c.radiusKm() != null) {
                GeoBox box = GeoBox.around(c.latitude(), c.longitude(), c.radiusKm());
                near = " and " + box.condition("a");
                fromParams.addAll(box.parameters());
                where.add("d.km <= ?");
                whereParams.add(c.radiusKm());
            }
            // Without a radius a left join: physicians without a clinic still match, last.
            from = """
                    physician p %s join (
                      select a.physician_id, min(great_circle_km(?, ?, a.latitude, a.longitude)) km
                      from physician_area_location a
                      where a.area_code = ?%s group by a.physician_id) d on d.physician_id = p.id"""
                    .formatted(c.radiusKm() != null ? "" : "left", near);
        } else if (point && c.radiusKm() != null) {
            GeoBox box = GeoBox.around(c.latitude(), c.longitude(), c.radiusKm());
            from = """
                    physician p join (
                      select pc.physician_id, min(great_circle_km(?, ?, cl.latitude, cl.longitude)) km
                      from clinic cl join physician_clinic pc on pc.clinic_id = cl.id
                      where %s group by pc.physician_id) d on d.physician_id = p.id""".formatted(box.condition("cl"));
            fromParams.addAll(box.parameters());
            where.add("d.km <= ?");
            whereParams.add(c.radiusKm());
        } else if (point) {
            from = """
                    physician p left join lateral (
                      select min(great_circle_km(?, ?, cl.latitude, cl.longitude)) km
                      from physician_clinic pc join clinic cl on cl.id = pc.clinic_id
                      where pc.physician_id = p.id) d on true""";
        } else {
            from = "physician p";
        }
        String km = point ? "d.km" : "cast(null as double precision)";
        String order = sort == SortOrder.DISTANCE
                ? "km nulls last, verified desc, p.years_in_practice desc nulls last, p.npi"
                : "verified desc, p.years_in_practice desc nulls last, km nulls last, p.npi";
        String statement = "select p.id, " + km + " km, " + verified + " verified, count(*) over () total from " + from
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + order + " limit ? offset ?";
        List<Object> params = new ArrayList<>(selectParams);
        params.addAll(fromParams);
        params.addAll(whereParams);
        params.add(c.size());
        params.add(c.page() * c.size());
        List<Hit> rows = sql.list(statement,
                row -> new Hit(Sql.uuid(row, "id"), row.getObject("km", Double.class), row.getLong("total")),
                params.toArray());

        List<UUID> ids = rows.stream().map(Hit::id).toList();
        Map<UUID, Physician> byId = ids.isEmpty() ? Map.of()
                : physicians.list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        LocalDate today = LocalDate.now();
        List<PhysicianSummary> items = rows.stream().map(r -> {
            Physician p = byId.get(r.id());
            Double distance = r.km() == null ? null : GeoDistance.round(r.km());
            return summary(p, distance, point ? nearest(p, c.latitude(), c.longitude()) : null, today);
        }).toList();
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        audit.record("SEARCH", PhysicianService.RESOURCE, "search", null);
        return new PageView<>(items, c.page(), c.size(), total);
    }

    /** One row of the search: a physician, the distance to their nearest clinic, and the number of matches. */
    private record Hit(UUID id, Double km, long total) {
    }

    private static void contains(List<String> where, List<Object> params, String column, String value) {
        if (value != null) {
            where.add("p." + column + " @> array[cast(? as text)]");
            params.add(value);
        }
    }

    private static ClinicView nearest(Physician p, double lat, double lon) {
        return p.clinics.stream()
                .min(Comparator.comparingDouble((Clinic cl) -> GeoDistance.km(lat, lon, cl.latitude, cl.longitude)))
                .map(cl -> DirectoryViews.clinic(cl, GeoDistance.round(GeoDistance.km(lat, lon, cl.latitude, cl.longitude))))
                .orElse(null);
    }

    static PhysicianSummary summary(Physician p, Double distanceKm, ClinicView nearest, LocalDate today) {
        List<String> verified = p.certifications.stream().filter(b -> b.isVerifiedAndCurrent(today))
                .map(BoardCertification::areaCode).distinct().sorted().toList();
        return new PhysicianSummary(p.npi, p.displayName(), List.copyOf(p.specialties), List.copyOf(p.subSpecialties),
                p.yearsInPractice, List.copyOf(p.networks), List.copyOf(p.languages), List.copyOf(p.hospitalAffiliations),
                p.telehealth, p.acceptingSecondOpinions, verified, distanceKm, nearest);
    }
}
