package org.secondopinion.providers.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
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
import org.secondopinion.platform.persistence.Sql;
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
    Sql sql;

    /**
     * Everyone who claims the specialty or holds a certification in it, and the physicians with the given
     * NPIs, keyed by id. Their certifications are those in the specialty only; their clinics are not read.
     */
    public Map<UUID, Physician> pool(String specialtyCode, String stateCode, Collection<String> alsoNpis) {
        List<Physician> rows = sql.list("""
                select p.id, p.npi, p.first_name, p.last_name, p.practice_npi, p.practice_name, p.accepting_second_opinions,
                       p.years_in_practice, p.licensed_states @> array[cast(? as text)],
                       p.telehealth, p.telehealth_states @> array[cast(? as text)], array_to_string(p.languages, ',')
                from physician p
                where p.specialties @> array[cast(? as text)]
                   or p.id in (select c.physician_id from board_certification c where c.specialty_code = ?)
                   or p.npi = any(?)""", row -> {
                    Physician p = new Physician();
                    p.id = row.getObject(1, UUID.class);
                    p.npi = row.getString(2);
                    p.firstName = row.getString(3);
                    p.lastName = row.getString(4);
                    p.practiceNpi = row.getString(5);
                    p.practiceName = row.getString(6);
                    p.acceptingSecondOpinions = row.getBoolean(7);
                    p.yearsInPractice = row.getObject(8, Integer.class);
                    // Only the patient's state matters here: it stands for the physician's lists.
                    if (Boolean.TRUE.equals(row.getObject(9, Boolean.class))) {
                        p.licensedStates = new ArrayList<>(List.of(stateCode));
                    }
                    p.telehealth = row.getBoolean(10);
                    if (Boolean.TRUE.equals(row.getObject(11, Boolean.class))) {
                        p.telehealthStates = new ArrayList<>(List.of(stateCode));
                    }
                    String languages = row.getString(12);
                    p.languages = languages == null || languages.isEmpty() ? new ArrayList<>()
                            : new ArrayList<>(Arrays.asList(languages.split(",")));
                    return p;
                }, stateCode, stateCode, specialtyCode, specialtyCode, alsoNpis.toArray(String[]::new));
        Map<UUID, Physician> pool = new LinkedHashMap<>();
        for (Physician p : rows) {
            pool.put(p.id, p);
        }
        if (pool.isEmpty()) {
            return pool;
        }
        List<BoardCertification> certifications = sql.list("""
                select c.physician_id, c.id, c.board, c.specialty_code, c.sub_specialty_code, c.claimed_status, c.certified_since,
                       c.valid_until, c.verification_outcome, c.verified_status, c.verified_valid_until, c.verification_source,
                       c.verified_at, c.next_due_at
                from board_certification c where c.specialty_code = ?""", row -> {
                    Physician p = pool.get(Sql.uuid(row, "physician_id"));
                    if (p == null) {
                        return null;
                    }
                    BoardCertification c = new BoardCertification();
                    c.physician = p;
                    c.id = Sql.uuid(row, "id");
                    c.board = row.getString("board");
                    c.specialtyCode = row.getString("specialty_code");
                    c.subSpecialtyCode = row.getString("sub_specialty_code");
                    c.claimedStatus = status(row.getString("claimed_status"));
                    c.certifiedSince = row.getObject("certified_since", LocalDate.class);
                    c.validUntil = row.getObject("valid_until", LocalDate.class);
                    String outcome = row.getString("verification_outcome");
                    c.verificationOutcome = outcome == null ? null : VerificationOutcome.valueOf(outcome);
                    c.verifiedStatus = status(row.getString("verified_status"));
                    c.verifiedValidUntil = row.getObject("verified_valid_until", LocalDate.class);
                    c.verificationSource = row.getString("verification_source");
                    c.verifiedAt = Sql.instant(row, "verified_at");
                    c.nextDueAt = Sql.instant(row, "next_due_at");
                    return c;
                }, specialtyCode);
        for (BoardCertification c : certifications) {
            if (c != null) {
                c.physician.certifications.add(c);
            }
        }
        return pool;
    }

    /** The clinics of these (transient) physicians, in each physician's order, as transient clinics. */
    public void addClinics(Collection<Physician> physicians) {
        if (physicians.isEmpty()) {
            return;
        }
        Map<UUID, Physician> byId = new HashMap<>();
        physicians.forEach(p -> byId.put(p.id, p));
        sql.list("""
                select pc.physician_id, c.id, c.name, c.address, c.city, c.state_code, c.latitude, c.longitude
                from physician_clinic pc join clinic c on c.id = pc.clinic_id
                where pc.physician_id = any(?) order by pc.physician_id, pc.position""", row -> {
                    Clinic c = new Clinic();
                    c.id = row.getObject(2, UUID.class);
                    c.name = row.getString("name");
                    c.address = row.getString("address");
                    c.city = row.getString("city");
                    c.stateCode = row.getString("state_code");
                    c.latitude = row.getDouble("latitude");
                    c.longitude = row.getDouble("longitude");
                    byId.get(row.getObject(1, UUID.class)).clinics.add(c);
                    return c;
                }, (Object) byId.keySet().toArray(UUID[]::new));
    }

    private static CertificationStatus status(String value) {
        return value == null ? null : CertificationStatus.valueOf(value);
    }
}
