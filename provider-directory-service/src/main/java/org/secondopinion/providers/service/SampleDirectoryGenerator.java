package org.secondopinion.providers.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.secondopinion.events.Uuids;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.providers.domain.BoardCertification;
import org.secondopinion.providers.domain.BoardFeedRecord;
import org.secondopinion.providers.domain.Clinic;
import org.secondopinion.providers.domain.Npi;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.domain.Specialty;

/**
 * A realistic synthetic directory: real US city coordinates, plausible specialties and
 * certifications, practices, networks, and the board feed that verifies most of them (a few expired
 * or missing, as in life). Every NPI starts with 9 and is valid by the Luhn rule, so it is obviously
 * not a real provider's. Deterministic for a seed.
 */
public final class SampleDirectoryGenerator {

    record City(String name, String state, double lat, double lon) {
    }

    static final List<City> CITIES = List.of(
            new City("New York", "NY", 40.7128, -74.0060), new City("Los Angeles", "CA", 34.0522, -118.2437),
            new City("Chicago", "IL", 41.8781, -87.6298), new City("Houston", "TX", 29.7604, -95.3698),
            new City("Phoenix", "AZ", 33.4484, -112.0740), new City("Philadelphia", "PA", 39.9526, -75.1652),
            new City("San Antonio", "TX", 29.4241, -98.4936), new City("San Diego", "CA", 32.7157, -117.1611),
            new City("Dallas", "TX", 32.7767, -96.7970), new City("Seattle", "WA", 47.6062, -122.3321),
            new City("Denver", "CO", 39.7392, -104.9903), new City("Boston", "MA", 42.3601, -71.0589),
            new City("Atlanta", "GA", 33.7490, -84.3880), new City("Miami", "FL", 25.7617, -80.1918),
            new City("Minneapolis", "MN", 44.9778, -93.2650), new City("Portland", "OR", 45.5152, -122.6784),
            new City("Nashville", "TN", 36.1627, -86.7816), new City("Baltimore", "MD", 39.2904, -76.6122),
            new City("Cleveland", "OH", 41.4993, -81.6944), new City("Rochester", "MN", 44.0121, -92.4802),
            new City("Salt Lake City", "UT", 40.7608, -111.8910), new City("Milwaukee", "WI", 43.0389, -87.9065),
            new City("St. Louis", "MO", 38.6270, -90.1994), new City("Pittsburgh", "PA", 40.4406, -79.9959),
            new City("New Orleans", "LA", 29.9511, -90.0715), new City("Albuquerque", "NM", 35.0844, -106.6504));
    static final List<String> FIRST = List.of("Alex", "Sam", "Robin", "Jordan", "Taylor", "Morgan", "Casey", "Jamie",
            "Avery", "Riley", "Quinn", "Drew", "Reese", "Skyler", "Rowan", "Emerson");
    static final List<String> LAST = List.of("Example", "Sample", "Placeholder", "Testwell", "Mockford", "Demoson",
            "Synthwood", "Fakeley", "Stubbs", "Dummond", "Proto", "Mimsy");
    /** The local stack's insurers' networks (ACME, BEACON) among others, so that in-network matches exist. */
    static final List<String> NETWORKS = List.of("ACME-PPO", "BEACON-CHOICE", "EXAMPLE-PPO", "EXAMPLE-HMO", "DEMO-NATIONAL");
    static final List<String> LANGUAGES = List.of("es", "zh", "fr", "vi", "ar", "de", "pt");
    static final List<String> HOSPITALS = List.of("Example General Hospital", "Sample University Medical Center",
            "Demo Children's Hospital", "Placeholder Regional Medical Center");
    static final List<String> SCHOOLS = List.of("Example University School of Medicine", "Sample State College of Medicine",
            "Demo Institute of Medical Science");

    /** What was generated, ready to persist. */
    public record SampleDirectory(List<Clinic> clinics, List<Physician> physicians, List<BoardFeedRecord> feed) {
    }

    /** The demo physicians of the local stack (the realm's dr-grey and dr-house), always in the seeded directory. */
    public static final String DR_GREY_NPI = "1234567893";
    public static final String DR_HOUSE_NPI = "1245319599";
    static final String ABOS = "American Board of Orthopaedic Surgery";
    static final String ORTHOPAEDIC_SURGERY = "orthopaedic-surgery";
    static final String SPORTS_MEDICINE = "orthopaedic-sports-medicine";

    private SampleDirectoryGenerator() {
    }

    /**
     * The two demo physicians the local stack's users and demo case rely on (see the README): fixed
     * facts, certifications valid for years, and the board feed rows that verify them.
     */
    public static SampleDirectory demo(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        LocalDate validUntil = LocalDate.of(today.getYear() + 6, 12, 31);
        List<Clinic> clinics = new ArrayList<>();
        List<Physician> physicians = new ArrayList<>();
        List<BoardFeedRecord> feed = new ArrayList<>();

        Clinic boston = demoClinic("Grey Sports Orthopaedics", "75 Example Street", "Boston", 42.3601, -71.0589, now);
        Physician grey = demoPhysician(DR_GREY_NPI, "Meredith", "Grey", 14, "Grey Sports Orthopaedics", boston,
                List.of(DocumentType.IMAGING, DocumentType.MEDICAL_RECORDS), now);
        Clinic cambridge = demoClinic("Princeton Plainsboro Diagnostics", "200 Sample Avenue", "Cambridge", 42.3736, -71.1097, now);
        Physician house = demoPhysician(DR_HOUSE_NPI, "Gregory", "House", 22, "Princeton Plainsboro Diagnostics", cambridge,
                List.of(DocumentType.LAB_RESULTS), now);
        for (Physician p : List.of(grey, house)) {
            demoCertification(p, null, LocalDate.of(2012, 7, 1), validUntil, feed, now);
            demoCertification(p, SPORTS_MEDICINE, LocalDate.of(2015, 7, 1), validUntil, feed, now);
            physicians.add(p);
        }
        clinics.add(boston);
        clinics.add(cambridge);
        return new SampleDirectory(clinics, physicians, feed);
    }

    private static Clinic demoClinic(String name, String address, String city, double lat, double lon, Instant now) {
        Clinic clinic = new Clinic();
        clinic.id = Uuids.timeOrdered();
        clinic.name = name;
        clinic.address = address;
        clinic.city = city;
        clinic.stateCode = "MA";
        clinic.latitude = lat;
        clinic.longitude = lon;
        clinic.createdAt = now;
        return clinic;
    }

    private static Physician demoPhysician(String npi, String first, String last, int years, String practice, Clinic clinic,
            List<DocumentType> documents, Instant now) {
        Physician p = new Physician();
        p.id = Uuids.timeOrdered();
        p.npi = npi;
        p.firstName = first;
        p.lastName = last;
        p.specialties = new ArrayList<>(List.of(ORTHOPAEDIC_SURGERY));
        p.subSpecialties = new ArrayList<>(List.of(SPORTS_MEDICINE));
        p.yearsInPractice = years;
        p.medicalSchools = new ArrayList<>(List.of("Example University School of Medicine"));
        p.hospitalAffiliations = new ArrayList<>(List.of("Example General Hospital"));
        p.practiceName = practice;
        p.clinics = new ArrayList<>(List.of(clinic));
        p.networks = new ArrayList<>(List.of("ACME-PPO", "BEACON-CHOICE"));
        p.languages = new ArrayList<>(List.of("en"));
        p.licensedStates = new ArrayList<>(List.of("MA"));
        p.telehealth = true;
        p.telehealthStates = new ArrayList<>(List.of("MA"));
        p.acceptingSecondOpinions = true;
        p.requiredDocuments = new ArrayList<>(documents.stream().map(Enum::name).toList());
        p.referralLetterRequired = false;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    private static void demoCertification(Physician p, String sub, LocalDate since, LocalDate until, List<BoardFeedRecord> feed,
            Instant now) {
        BoardCertification c = new BoardCertification();
        c.id = Uuids.timeOrdered();
        c.physician = p;
        c.board = ABOS;
        c.specialtyCode = ORTHOPAEDIC_SURGERY;
        c.subSpecialtyCode = sub;
        c.claimedStatus = CertificationStatus.CERTIFIED;
        c.certifiedSince = since;
        c.validUntil = until;
        c.nextDueAt = now;
        p.certifications.add(c);
        BoardFeedRecord r = new BoardFeedRecord();
        r.id = Uuids.timeOrdered();
        r.npi = p.npi;
        r.board = ABOS;
        r.specialtyCode = ORTHOPAEDIC_SURGERY;
        r.subSpecialtyCode = sub == null ? "" : sub;
        r.status = CertificationStatus.CERTIFIED;
        r.certifiedSince = since;
        r.validUntil = until;
        r.source = ABOS + " data feed (synthetic sample)";
        r.importedAt = now;
        feed.add(r);
    }

    public static SampleDirectory generate(int count, long seed, List<Specialty> taxonomy, Instant now) {
        Random random = new Random(seed);
        List<Specialty> specialties = taxonomy.stream().filter(s -> !s.isSubSpecialty()).toList();
        Map<String, List<Specialty>> subs = taxonomy.stream().filter(Specialty::isSubSpecialty)
                .collect(Collectors.groupingBy(s -> s.parentCode));
        List<Clinic> clinics = new ArrayList<>();
        int clinicsPerCity = Math.max(2, count / (CITIES.size() * 8));
        for (City city : CITIES) {
            for (int i = 0; i < clinicsPerCity; i++) {
                Clinic clinic = new Clinic();
                clinic.id = Uuids.timeOrdered();
                clinic.name = city.name() + " " + LAST.get(random.nextInt(LAST.size())) + " Clinic " + (i + 1);
                clinic.address = (100 + random.nextInt(9000)) + " Example St";
                clinic.city = city.name();
                clinic.stateCode = city.state();
                // Spread within about 15 km of the city centre.
                clinic.latitude = city.lat() + (random.nextDouble() - 0.5) * 0.25;
                clinic.longitude = city.lon() + (random.nextDouble() - 0.5) * 0.3;
                clinic.createdAt = now;
                clinics.add(clinic);
            }
        }
        List<Physician> physicians = new ArrayList<>();
        List<BoardFeedRecord> feed = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            int cityIndex = random.nextInt(CITIES.size());
            City city = CITIES.get(cityIndex);
            Specialty specialty = specialties.get(random.nextInt(specialties.size()));
            List<Specialty> itsSubs = subs.getOrDefault(specialty.code, List.of());
            Specialty sub = !itsSubs.isEmpty() && random.nextInt(100) < 45 ? itsSubs.get(random.nextInt(itsSubs.size())) : null;

            Physician p = new Physician();
            p.id = Uuids.timeOrdered();
            p.npi = Npi.complete("9" + String.format("%08d", 10_000_000 + i));
            p.firstName = FIRST.get(random.nextInt(FIRST.size()));
            p.lastName = LAST.get(random.nextInt(LAST.size()));
            p.specialties = new ArrayList<>(List.of(specialty.code));
            p.subSpecialties = sub == null ? new ArrayList<>() : new ArrayList<>(List.of(sub.code));
            p.yearsInPractice = 2 + random.nextInt(35);
            p.medicalSchools = new ArrayList<>(List.of(SCHOOLS.get(random.nextInt(SCHOOLS.size()))));
            p.hospitalAffiliations = new ArrayList<>(List.of(HOSPITALS.get(random.nextInt(HOSPITALS.size()))));
            int group = random.nextInt(4);
            p.practiceName = city.name() + " " + specialty.name + " Associates " + (group + 1);
            p.practiceNpi = Npi.complete("98" + String.format("%07d", cityIndex * 100 + group));
            Clinic home = clinics.get(cityIndex * clinicsPerCity + random.nextInt(clinicsPerCity));
            p.clinics = new ArrayList<>(List.of(home));
            p.networks = new ArrayList<>(NETWORKS.stream().filter(n -> random.nextInt(100) < 45).toList());
            p.languages = new ArrayList<>(List.of("en"));
            if (random.nextInt(100) < 30) {
                p.languages.add(LANGUAGES.get(random.nextInt(LANGUAGES.size())));
            }
            p.licensedStates = new ArrayList<>(List.of(city.state()));
            p.telehealth = random.nextInt(100) < 35;
            p.telehealthStates = p.telehealth
                    ? new ArrayList<>(CITIES.stream().map(City::state).distinct().filter(s -> random.nextInt(100) < 25).toList())
                    : new ArrayList<>();
            p.acceptingSecondOpinions = random.nextInt(100) < 90;
            p.requiredDocuments = new ArrayList<>(List.of(DocumentType.MEDICAL_RECORDS.name()));
            if (random.nextBoolean()) {
                p.requiredDocuments.add(DocumentType.LAB_RESULTS.name());
            }
            if (random.nextInt(100) < 40) {
                p.requiredDocuments.add(DocumentType.IMAGING.name());
            }
            p.referralLetterRequired = random.nextInt(100) < 20;
            p.createdAt = now;
            p.updatedAt = now;
            LocalDate until = today.plusMonths(6 + random.nextInt(72));
            certify(p, specialty, null, until, random, feed, now);
            if (sub != null) {
                certify(p, specialty, sub, until, random, feed, now);
            }
            physicians.add(p);
        }
        return new SampleDirectory(clinics, physicians, feed);
    }

    private static void certify(Physician p, Specialty specialty, Specialty sub, LocalDate until, Random random,
            List<BoardFeedRecord> feed, Instant now) {
        BoardCertification c = new BoardCertification();
        c.id = Uuids.timeOrdered();
        c.physician = p;
        c.board = specialty.board;
        c.specialtyCode = specialty.code;
        c.subSpecialtyCode = sub == null ? null : sub.code;
        c.claimedStatus = CertificationStatus.CERTIFIED;
        c.certifiedSince = until.minusYears(10);
        c.validUntil = until;
        c.nextDueAt = now;
        p.certifications.add(c);
        int dice = random.nextInt(100);
        if (dice < 4) {
            return; // the board does not know it: verification finds nothing
        }
        BoardFeedRecord r = new BoardFeedRecord();
        r.id = Uuids.timeOrdered();
        r.npi = p.npi;
        r.board = c.board;
        r.specialtyCode = c.specialtyCode;
        r.subSpecialtyCode = sub == null ? "" : sub.code;
        r.status = dice < 8 ? CertificationStatus.EXPIRED : CertificationStatus.CERTIFIED;
        r.certifiedSince = c.certifiedSince;
        r.validUntil = dice < 8 ? LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusMonths(3) : until;
        r.source = c.board + " data feed (synthetic sample)";
        r.importedAt = now;
        feed.add(r);
    }
}
