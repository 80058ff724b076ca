package org.secondopinion.providers.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.events.model.VerificationOutcome;
import org.secondopinion.providers.domain.BoardCertification;
import org.secondopinion.providers.domain.Clinic;
import org.secondopinion.providers.domain.Physician;

/**
 * What matching reads about thousands of physicians, as plain rows made into transient (unmanaged)
 * Physician objects that carry only what the matching rules look at: practice, licence or telehealth in
 * the patient's state, accepting, years, languages and the certifications in the case's area. Loading
 * the same physicians as entities (ten array columns each, then their collections) made matching one
 * case at 100,000 physicians take most of a second.
 */
@ApplicationScoped
public class MatchingPoolRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Everyone who claims the specialty or holds a certification in it, and the physicians with the given
     * NPIs, keyed by id. Their certifications are those in the specialty only; their clinics are not read.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, Physician> pool(String specialtyCode, String stateCode, Collection<String> alsoNpis) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select p.id, p.npi, p.first_name, p.last_name, p.practice_npi, p.practice_name, p.accepting_second_opinions,
                       p.years_in_practice, p.licensed_states @> array[cast(?2 as text)],
                       p.telehealth, p.telehealth_states @> array[cast(?2 as text)], array_to_string(p.languages, ',')
                from physician p
                where p.specialties @> array[cast(?1 as text)]
                   or p.id in (select c.physician_id from board_certification c where c.specialty_code = ?1)
                   or p.npi = any(?3)""")
                .setParameter(1, specialtyCode).setParameter(2, stateCode)
                .setParameter(3, alsoNpis.toArray(String[]::new))
                .getResultList();
        Map<UUID, Physician> pool = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Physician p = new Physician();
            p.id = (UUID) r[0];
            p.npi = (String) r[1];
            p.firstName = (String) r[2];
            p.lastName = (String) r[3];
            p.practiceNpi = (String) r[4];
            p.practiceName = (String) r[5];
            p.acceptingSecondOpinions = (Boolean) r[6];
            p.yearsInPractice = r[7] == null ? null : ((Number) r[7]).intValue();
            // Only the patient's state matters here: it stands for the physician's lists.
            if (Boolean.TRUE.equals(r[8])) {
                p.licensedStates = new ArrayList<>(List.of(stateCode));
            }
            p.telehealth = (Boolean) r[9];
            if (Boolean.TRUE.equals(r[10])) {
                p.telehealthStates = new ArrayList<>(List.of(stateCode));
            }
            String languages = (String) r[11];
            p.languages = languages == null || languages.isEmpty() ? new ArrayList<>()
                    : new ArrayList<>(Arrays.asList(languages.split(",")));
            pool.put(p.id, p);
        }
        if (pool.isEmpty()) {
            return pool;
        }
        List<Object[]> certifications = entityManager.createNativeQuery("""
                select c.physician_id, c.id, c.board, c.specialty_code, c.sub_specialty_code, c.claimed_status, c.certified_since,
                       c.valid_until, c.verification_outcome, c.verified_status, c.verified_valid_until, c.verification_source,
                       c.verified_at, c.next_due_at
                from board_certification c where c.specialty_code = ?1""")
                .setParameter(1, specialtyCode)
                .getResultList();
        for (Object[] r : certifications) {
            Physician p = pool.get((UUID) r[0]);
            if (p == null) {
                continue;
            }
            BoardCertification c = new BoardCertification();
            c.physician = p;
            c.id = (UUID) r[1];
            c.board = (String) r[2];
            c.specialtyCode = (String) r[3];
            c.subSpecialtyCode = (String) r[4];
            c.claimedStatus = r[5] == null ? null : CertificationStatus.valueOf((String) r[5]);
            c.certifiedSince = date(r[6]);
            c.validUntil = date(r[7]);
            c.verificationOutcome = r[8] == null ? null : VerificationOutcome.valueOf((String) r[8]);
            c.verifiedStatus = r[9] == null ? null : CertificationStatus.valueOf((String) r[9]);
            c.verifiedValidUntil = date(r[10]);
            c.verificationSource = (String) r[11];
            c.verifiedAt = instant(r[12]);
            c.nextDueAt = instant(r[13]);
            p.certifications.add(c);
        }
        return pool;
    }

    /** The clinics of these (transient) physicians, in each physician's order, as transient clinics. */
    @SuppressWarnings("unchecked")
    public void addClinics(Collection<Physician> physicians) {
        if (physicians.isEmpty()) {
            return;
        }
        Map<UUID, Physician> byId = new HashMap<>();
        physicians.forEach(p -> byId.put(p.id, p));
        List<Object[]> rows = entityManager.createNativeQuery("""
                select pc.physician_id, c.id, c.name, c.address, c.city, c.state_code, c.latitude, c.longitude
                from physician_clinic pc join clinic c on c.id = pc.clinic_id
                where pc.physician_id = any(?1) order by pc.physician_id, pc.position""")
                .setParameter(1, byId.keySet().toArray(UUID[]::new))
                .getResultList();
        for (Object[] r : rows) {
            Clinic c = new Clinic();
            c.id = (UUID) r[1];
            c.name = (String) r[2];
            c.address = (String) r[3];
            c.city = (String) r[4];
            c.stateCode = (String) r[5];
            c.latitude = ((Number) r[6]).doubleValue();
            c.longitude = ((Number) r[7]).doubleValue();
            byId.get((UUID) r[0]).clinics.add(c);
        }
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> throw new IllegalStateException("Unexpected date type " + value.getClass());
        };
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }
}
