package org.secondopinion.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.events.model.VerificationOutcome;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.providers.domain.BoardCertification;
import org.secondopinion.providers.domain.Npi;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.repository.PhysicianRepository;
import org.secondopinion.providers.repository.SpecialtyRepository;
import org.secondopinion.providers.service.BoardFeedSource;
import org.secondopinion.providers.service.CredentialVerification;
import org.secondopinion.providers.service.MatchingService;
import org.secondopinion.providers.service.SampleDataSeeder;
import org.secondopinion.providers.service.SampleDirectoryGenerator;

/**
 * The local stack's demo data contract: the two demo physicians with their exact facts, verified by the
 * seeded board feed, and the demo case matches them. The shared test database never keeps seeded data:
 * the seeding test runs in a transaction that is rolled back.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class DemoDirectoryTest {

    static final String GREY = "1234567893";
    static final String HOUSE = "1245319599";
    static final String ORTHO = "orthopaedic-surgery";
    static final String SPORTS = "orthopaedic-sports-medicine";

    @Inject
    SpecialtyRepository specialties;

    @Inject
    PhysicianRepository physicians;

    @Inject
    SampleDataSeeder seeder;

    @Inject
    CredentialVerification verification;

    @Inject
    MatchingService matching;

    @Test
    void theDemoPhysiciansHaveTheFactsTheStackAndItsDemoCaseRelyOn() {
        Instant now = Instant.now();
        var demo = SampleDirectoryGenerator.demo(now);
        Map<String, Physician> byNpi = demo.physicians().stream().collect(Collectors.toMap(p -> p.npi, p -> p));
        assertEquals(List.of(GREY, HOUSE), demo.physicians().stream().map(p -> p.npi).toList());
        assertTrue(Npi.isValid(GREY) && Npi.isValid(HOUSE) && Npi.isValid("1003000126"), "valid NPIs (and the demo case's primary)");

        Physician grey = byNpi.get(GREY);
        assertEquals("Dr. Meredith Grey", grey.displayName());
        assertEquals(List.of(ORTHO), grey.specialties);
        assertEquals(List.of(SPORTS), grey.subSpecialties);
        assertEquals("Grey Sports Orthopaedics", grey.practiceName);
        assertEquals("Boston", grey.clinics.getFirst().city);
        assertEquals("MA", grey.clinics.getFirst().stateCode);
        assertEquals(42.3601, grey.clinics.getFirst().latitude);
        assertEquals(-71.0589, grey.clinics.getFirst().longitude);
        assertEquals(List.of("ACME-PPO", "BEACON-CHOICE"), grey.networks);
        assertEquals(List.of("en"), grey.languages);
        assertEquals(List.of("MA"), grey.licensedStates);
        assertTrue(grey.telehealth && grey.acceptingSecondOpinions);
        assertEquals(List.of("IMAGING", "MEDICAL_RECORDS"), grey.requiredDocuments);
        assertFalse(grey.referralLetterRequired);

        Physician house = byNpi.get(HOUSE);
        assertEquals("Dr. Gregory House", house.displayName());
        assertEquals("Princeton Plainsboro Diagnostics", house.practiceName);
        assertEquals("Cambridge", house.clinics.getFirst().city);
        assertEquals(42.3736, house.clinics.getFirst().latitude);
        assertEquals(-71.1097, house.clinics.getFirst().longitude);
        assertEquals(List.of("ACME-PPO", "BEACON-CHOICE"), house.networks);
        assertEquals(List.of("LAB_RESULTS"), house.requiredDocuments);
        assertFalse(house.referralLetterRequired);
        assertTrue(house.telehealth && house.acceptingSecondOpinions && house.licensedStates.contains("MA"));

        // Every claimed certification is verified by the seeded board feed, valid for years.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var feed = demo.feed().stream().collect(Collectors.groupingBy(r -> r.npi,
                Collectors.mapping(BoardFeedSource::of, Collectors.toList())));
        for (Physician p : demo.physicians()) {
            assertEquals(2, p.certifications.size());
            for (BoardCertification c : p.certifications) {
                assertEquals("American Board of Orthopaedic Surgery", c.board);
                var verdict = CredentialVerification.judge(c, feed.get(p.npi), today);
                assertEquals(VerificationOutcome.VERIFIED, verdict.outcome(), p.npi + " " + c.areaCode());
                assertTrue(verdict.validUntil().isAfter(today.plusYears(4)), "valid until years ahead");
            }
        }
    }

    @Test
    @TestTransaction
    void seedingAddsTheDemoPhysiciansOnceVerifiesThemAtOnceAndTheDemoCaseGetsThem() {
        seeder.seed(20);
        assertTrue(physicians.findByNpi(GREY).isPresent() && physicians.findByNpi(HOUSE).isPresent());
        long count = physicians.count();
        assertEquals(0, seeder.seed(20), "a restart with the data present adds nothing");
        assertEquals(count, physicians.count());

        verification.verifyAllDue();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String npi : List.of(GREY, HOUSE)) {
            Physician p = physicians.findByNpi(npi).orElseThrow();
            assertTrue(p.certifications.stream().allMatch(c -> c.isVerifiedAndCurrent(today)), npi + " verified right after seeding");
        }

        ProvidersMatched matched = matching.compute(demoCase());
        List<String> npis = matched.candidates().stream().map(ProvidersMatched.Candidate::npi).toList();
        assertTrue(npis.contains(GREY) && npis.contains(HOUSE), npis.toString());
        ProvidersMatched.Candidate grey = matched.candidates().stream().filter(c -> c.npi().equals(GREY)).findFirst().orElseThrow();
        assertTrue(grey.why().contains("Recommended to you, and meets every requirement"), grey.why().toString());
        assertEquals(0.0, grey.distanceKm());
        assertEquals(SPORTS, grey.subSpecialtyCode());
        assertEquals("Grey Sports Orthopaedics", grey.practice().name());
        assertEquals(List.of("ACME-PPO", "BEACON-CHOICE"), grey.networks());
        assertTrue(grey.boardCertifications().stream().allMatch(b -> b.source().contains("American Board of Orthopaedic Surgery")));
        ProvidersMatched.Candidate house = matched.candidates().stream().filter(c -> c.npi().equals(HOUSE)).findFirst().orElseThrow();
        assertEquals(4.4, house.distanceKm(), 0.3, "Cambridge to Boston");
    }

    /** The demo case that ./smo demo submits as alice (demo data contract). */
    static CaseSubmitted demoCase() {
        return new CaseSubmitted(UUID.randomUUID().toString(), "alice-" + UUID.randomUUID(),
                new CaseSubmitted.Insurance("ACME", "ACME-100234", null, "Alice", "Anderson", LocalDate.of(1984, 5, 12)),
                new MedicalArea(ORTHO, SPORTS), List.of(SecondOpinionReason.SURGERY_RECOMMENDED, SecondOpinionReason.LACK_OF_CONFIDENCE),
                "Pain in my right knee for eight months; a tear of the meniscus was found.",
                new PrimaryProvider("Dr. Pat Primary", "1003000126", ORTHO, null, "Riverside Orthopaedics", null),
                "Complex tear of the medial meniscus", "Arthroscopic partial meniscectomy", true, true, List.of(),
                new CaseSubmitted.PatientLocation("MA", 42.3601, -71.0589), null, List.of(GREY), List.of(), null, Instant.now());
    }
}
