package org.secondopinion.providers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.providers.TestDirectory.certification;
import static org.secondopinion.providers.TestDirectory.physician;
import static org.secondopinion.providers.TestDirectory.row;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.CancelledBy;
import org.secondopinion.events.model.ExclusionReason;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestTopics;
import org.secondopinion.platform.testing.Tokens;

/**
 * Matching on CaseSubmitted, end to end: physicians are created through the API, verified against an
 * imported board feed, and the case arrives on smo.cases as case-service would send it. Each test
 * uses a specialty no other test uses, so the exclusion counts are exact.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class MatchingTest {

    static final String OBGYN = "obstetrics-and-gynecology";
    static final String REI = "reproductive-endocrinology-and-infertility";
    static final String ABOG = "American Board of Obstetrics and Gynecology";
    static final LocalDate IN_THREE_YEARS = LocalDate.now().plusYears(3);

    @Test
    void everyRuleExcludesAndIsCountedAndTheQualifyingAreRanked() {
        String chicago = TestDirectory.clinic("Obgyn Chicago", "Chicago", "IL", TestDirectory.CHICAGO);
        String milwaukee = TestDirectory.clinic("Obgyn Milwaukee", "Milwaukee", "WI", TestDirectory.MILWAUKEE);
        String la = TestDirectory.clinic("Obgyn LA", "Los Angeles", "CA", TestDirectory.LOS_ANGELES);
        String primaryNpi = TestDirectory.npi();
        String primaryPracticeNpi = TestDirectory.npi();
        List<String> feed = new ArrayList<>();

        String a = sub(feed, Map.of("clinicIds", List.of(chicago), "yearsInPractice", 10));
        String b = sub(feed, Map.of("clinicIds", List.of(milwaukee), "yearsInPractice", 25));
        String c = sub(feed, Map.of("clinicIds", List.of(chicago), "yearsInPractice", 20));
        String k = sub(feed, Map.of("clinicIds", List.of(la), "licensedStates", List.of("CA"), "telehealth", true,
                "telehealthStates", List.of("IL")));
        // The primary provider is in the directory too, fully qualified: still never a candidate.
        TestDirectory.create(physician(primaryNpi, OBGYN, Map.of("subSpecialties", List.of(REI),
                "boardCertifications", List.of(certification(ABOG, OBGYN, REI, "CERTIFIED", IN_THREE_YEARS)))));
        feed.add(row(primaryNpi, ABOG, OBGYN, REI, "CERTIFIED", IN_THREE_YEARS));
        String samePractice = sub(feed, Map.of("practiceNpi", primaryPracticeNpi, "practiceName", "Another Name"));
        String expired = TestDirectory.npi();
        TestDirectory.create(physician(expired, OBGYN, Map.of("boardCertifications",
                List.of(certification(ABOG, OBGYN, REI, "CERTIFIED", IN_THREE_YEARS)))));
        feed.add(row(expired, ABOG, OBGYN, REI, "EXPIRED", LocalDate.now().minusMonths(2)));
        String unverified = TestDirectory.npi();
        TestDirectory.create(physician(unverified, OBGYN, Map.of("boardCertifications",
                List.of(certification(ABOG, OBGYN, REI, "CERTIFIED", IN_THREE_YEARS)))));
        String specialistOnly = TestDirectory.npi();
        TestDirectory.create(physician(specialistOnly, OBGYN, Map.of("boardCertifications",
                List.of(certification(ABOG, OBGYN, null, "CERTIFIED", IN_THREE_YEARS)))));
        feed.add(row(specialistOnly, ABOG, OBGYN, null, "CERTIFIED", IN_THREE_YEARS));
        String excluded = sub(feed, Map.of());
        String notLicensed = sub(feed, Map.of("licensedStates", List.of("CA")));
        String notAccepting = sub(feed, Map.of("acceptingSecondOpinions", false));

        TestDirectory.importFeed("ABOG test feed", feed);
        for (String npi : List.of(a, b, c, k, primaryNpi, samePractice, expired, unverified, specialistOnly, excluded,
                notLicensed, notAccepting)) {
            TestDirectory.verify(npi);
        }

        CaseSubmitted submitted = caseSubmitted(OBGYN, REI,
                new PrimaryProvider("Dr. Primary", primaryNpi, OBGYN, null, "Lakeshore Women's Health", primaryPracticeNpi),
                "IL", TestDirectory.CHICAGO, List.of(excluded), List.of());
        ProvidersMatched matched = matchFor(submitted);

        assertEquals(List.of(c, a, b, k), matched.candidates().stream().map(ProvidersMatched.Candidate::npi).toList(),
                "sub-specialists only; the same distance band by experience, then nearer first, then telehealth from afar");
        assertEquals(List.of(1, 2, 3, 4), matched.candidates().stream().map(ProvidersMatched.Candidate::rank).toList());
        Map<ExclusionReason, Integer> counts = counts(matched);
        for (ExclusionReason reason : ExclusionReason.values()) {
            assertEquals(1, counts.get(reason), "one physician excluded for " + reason + ": " + counts);
        }

        ProvidersMatched.Candidate first = matched.candidates().getFirst();
        assertEquals(REI, first.subSpecialtyCode());
        assertEquals(0.0, first.distanceKm());
        assertEquals("Chicago", first.practice().city());
        assertEquals(1, first.boardCertifications().size());
        assertEquals("ABOG test feed", first.boardCertifications().getFirst().source());
        assertNotNull(first.boardCertifications().getFirst().verifiedAt());
        assertTrue(first.why().stream().anyMatch(w -> w.contains("verified on") && w.contains("ABOG test feed")), first.why().toString());
        assertTrue(first.why().contains("Sub-specialist in Reproductive Endocrinology and Infertility"), first.why().toString());
        ProvidersMatched.Candidate milwaukeeCandidate = matched.candidates().get(2);
        assertEquals(129.0, milwaukeeCandidate.distanceKm(), 3.0, "Chicago to Milwaukee");
        assertTrue(matched.candidates().get(3).why().contains("Gives opinions by telehealth in IL"));
    }

    @Test
    void aPrimaryProviderWhoIsASubSpecialistInTheDirectoryRequiresASubSpecialist() {
        String derm = "dermatology";
        String dermpath = "dermatopathology";
        String board = "American Board of Dermatology";
        String primary = TestDirectory.npi();
        String specialist = TestDirectory.npi();
        String subSpecialist = TestDirectory.npi();
        TestDirectory.create(physician(primary, derm, Map.of("subSpecialties", List.of(dermpath), "licensedStates", List.of("TX"))));
        TestDirectory.create(physician(specialist, derm, Map.of("boardCertifications",
                List.of(certification(board, derm, null, "CERTIFIED", IN_THREE_YEARS)))));
        TestDirectory.create(physician(subSpecialist, derm, Map.of("boardCertifications",
                List.of(certification(board, derm, dermpath, "CERTIFIED", IN_THREE_YEARS)))));
        TestDirectory.importFeed("ABD test feed", List.of(row(specialist, board, derm, null, "CERTIFIED", IN_THREE_YEARS),
                row(subSpecialist, board, derm, dermpath, "CERTIFIED", IN_THREE_YEARS)));
        TestDirectory.verify(specialist);
        TestDirectory.verify(subSpecialist);

        // The case says the primary provider is a general dermatologist; the directory knows better.
        ProvidersMatched matched = matchFor(caseSubmitted(derm, null,
                new PrimaryProvider("Dr. Primary", primary, derm, null, null, null), "IL", null, List.of(), List.of()));

        assertEquals(List.of(subSpecialist), matched.candidates().stream().map(ProvidersMatched.Candidate::npi).toList());
        assertEquals(1, counts(matched).get(ExclusionReason.LOWER_EXPERTISE));
        assertEquals(1, counts(matched).get(ExclusionReason.PRIMARY_PROVIDER));
        assertEquals(null, matched.candidates().getFirst().distanceKm(), "the patient shared no coordinates");
    }

    @Test
    void whenThePrimaryProviderIsNotASpecialistASubSpecialistIsPreferredOverANearerSpecialist() {
        String neuro = "neurology";
        String board = "American Board of Psychiatry and Neurology";
        String near = TestDirectory.clinic("Neuro near", "Chicago", "IL", TestDirectory.CHICAGO);
        String far = TestDirectory.clinic("Neuro far", "Milwaukee", "WI", TestDirectory.MILWAUKEE);
        String specialist = TestDirectory.npi();
        String epileptologist = TestDirectory.npi();
        TestDirectory.create(physician(specialist, neuro, Map.of("clinicIds", List.of(near), "yearsInPractice", 30,
                "boardCertifications", List.of(certification(board, neuro, null, "CERTIFIED", IN_THREE_YEARS)))));
        TestDirectory.create(physician(epileptologist, neuro, Map.of("clinicIds", List.of(far), "yearsInPractice", 5,
                "boardCertifications", List.of(certification(board, neuro, "epilepsy", "CERTIFIED", IN_THREE_YEARS)))));
        TestDirectory.importFeed("ABPN test feed", List.of(row(specialist, board, neuro, null, "CERTIFIED", IN_THREE_YEARS),
                row(epileptologist, board, neuro, "epilepsy", "CERTIFIED", IN_THREE_YEARS)));
        TestDirectory.verify(specialist);
        TestDirectory.verify(epileptologist);

        ProvidersMatched matched = matchFor(caseSubmitted(neuro, null,
                new PrimaryProvider("Dr. Family", TestDirectory.npi(), "family-medicine", null, null, null), "IL",
                TestDirectory.CHICAGO, List.of(), List.of()));

        assertEquals(List.of(epileptologist, specialist), matched.candidates().stream().map(ProvidersMatched.Candidate::npi).toList());
        assertTrue(matched.candidates().get(1).why().contains("A specialist in Neurology, which your physician is not"));
    }

    @Test
    void whenNobodyQualifiesTheEventSaysSoAndWhy() {
        String eyes = "ophthalmology";
        String notAccepting = TestDirectory.npi();
        TestDirectory.create(physician(notAccepting, eyes, Map.of("acceptingSecondOpinions", false)));
        ProvidersMatched matched = matchFor(caseSubmitted(eyes, null,
                new PrimaryProvider("Dr. Eye", TestDirectory.npi(), eyes, null, null, null), "IL", null, List.of(), List.of()));
        assertTrue(matched.candidates().isEmpty());
        // Counted under the first reason that applies: its certification was never verified.
        assertEquals(1, counts(matched).get(ExclusionReason.CERTIFICATION_NOT_VERIFIED));
        assertEquals(0, counts(matched).get(ExclusionReason.NOT_ACCEPTING));
    }

    @Test
    void aRedeliveredCaseIsMatchedOnceAndOtherCaseEventsAreIgnored() {
        CaseSubmitted submitted = caseSubmitted("allergy-and-immunology", null,
                new PrimaryProvider("Dr. A", TestDirectory.npi(), "allergy-and-immunology", null, null, null), "IL", null,
                List.of(), List.of());
        EventEnvelope<CaseSubmitted> envelope = EventEnvelope.of("/case-service", submitted);
        TestTopics.send(Topics.CASES, EventEnvelope.of("/case-service",
                new CaseCancelled(submitted.caseId(), submitted.patientId(), "SUBMITTED", CancelledBy.PATIENT, null, Instant.now())));
        TestTopics.send(Topics.CASES, envelope);
        TestTopics.send(Topics.CASES, envelope);
        List<EventEnvelope<DomainEvent>> events = ProviderEvents.await(
                e -> e.data() instanceof ProvidersMatched m && m.caseId().equals(submitted.caseId()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size(), "one match for one case, however often it is delivered");
        assertEquals(submitted.caseId(), events.getFirst().subject());
    }

    @Test
    void suitabilityAnswersEveryReasonOrWhyAndNamesPhysiciansTheDirectoryDoesNotKnow() {
        String ent = "otolaryngology";
        String board = "American Board of Otolaryngology - Head and Neck Surgery";
        String practiceNpi = TestDirectory.npi();
        String doubtful = TestDirectory.npi();
        String good = TestDirectory.npi();
        TestDirectory.create(physician(doubtful, ent, Map.of("practiceNpi", practiceNpi, "licensedStates", List.of("CA"),
                "boardCertifications", List.of(certification(board, ent, null, "CERTIFIED", IN_THREE_YEARS)))));
        TestDirectory.create(physician(good, ent, Map.of("boardCertifications",
                List.of(certification(board, ent, null, "CERTIFIED", IN_THREE_YEARS)))));
        TestDirectory.importFeed("ABOto test feed", List.of(row(good, board, ent, null, "CERTIFIED", IN_THREE_YEARS)));
        TestDirectory.verify(good);
        Map<String, Object> request = new HashMap<>();
        request.put("area", Map.of("specialtyCode", ent));
        Map<String, Object> primary = new HashMap<>();
        primary.put("npi", TestDirectory.npi());
        primary.put("specialtyCode", ent);
        primary.put("practiceNpi", practiceNpi);
        request.put("primaryProvider", primary);
        request.put("stateCode", "IL");
        String patient = Tokens.patient("pat-" + UUID.randomUUID());

        given().auth().oauth2(patient).contentType(ContentType.JSON).body(request)
                .post("/api/physicians/" + doubtful + "/suitability").then().statusCode(200)
                .body("inDirectory", is(true))
                .body("qualifies", is(false))
                .body("reasons.code", hasItems("SAME_PRACTICE", "CERTIFICATION_NOT_VERIFIED", "NOT_LICENSED_IN_STATE"))
                .body("reasons.message", hasItem("same practice as your physician"));
        given().auth().oauth2(patient).contentType(ContentType.JSON).body(request)
                .post("/api/physicians/" + good + "/suitability").then().statusCode(200)
                .body("qualifies", is(true))
                .body("why", hasItem("Licensed in IL"));
        given().auth().oauth2(patient).contentType(ContentType.JSON).body(request)
                .post("/api/physicians/" + TestDirectory.npi() + "/suitability").then().statusCode(200)
                .body("inDirectory", is(false))
                .body("qualifies", is(false))
                .body("reasons[0].code", is("NOT_IN_DIRECTORY"))
                .body("reasons[0].message", is("not in the directory: credentials cannot be verified"));
        given().auth().oauth2(patient).contentType(ContentType.JSON).body(request)
                .post("/api/physicians/12345/suitability").then().statusCode(400);
    }

    @Test
    void everyRecommendedPhysicianIsReportedWithTheOutcomeAndEveryReasonTheSuitabilityQuestionGives() {
        String uro = "urology";
        String board = "American Board of Urology";
        String primaryPracticeNpi = TestDirectory.npi();
        String recommended = TestDirectory.npi();
        TestDirectory.create(physician(recommended, uro, Map.of("licensedStates", List.of("NV"), "boardCertifications",
                List.of(certification(board, uro, null, "CERTIFIED", IN_THREE_YEARS)))));
        // In the primary provider's practice, and the certification it claims is not in the board's feed.
        String samePractice = TestDirectory.npi();
        TestDirectory.create(physician(samePractice, uro, Map.of("licensedStates", List.of("NV"), "practiceNpi", primaryPracticeNpi,
                "boardCertifications", List.of(certification(board, uro, null, "CERTIFIED", IN_THREE_YEARS)))));
        TestDirectory.importFeed("ABU test feed", List.of(row(recommended, board, uro, null, "CERTIFIED", IN_THREE_YEARS)));
        TestDirectory.verify(recommended);
        TestDirectory.verify(samePractice);
        String unknown = TestDirectory.npi();
        String mistyped = unknown.substring(0, 9) + (char) ('0' + (unknown.charAt(9) - '0' + 1) % 10);
        String primaryNpi = TestDirectory.npi();

        ProvidersMatched matched = matchFor(caseSubmitted(uro, null,
                new PrimaryProvider("Dr. U", primaryNpi, uro, null, null, primaryPracticeNpi), "NV", null, List.of(),
                List.of(samePractice, recommended, unknown, mistyped)));

        ProvidersMatched.Candidate candidate = matched.candidates().stream().filter(c -> c.npi().equals(recommended))
                .findFirst().orElseThrow();
        assertTrue(candidate.why().contains("Recommended to you, and meets every requirement"));
        assertFalse(candidate.requiredDocuments().isEmpty());
        assertTrue(matched.candidates().stream().noneMatch(c -> c.npi().equals(samePractice)), "the same practice is never proposed");
        assertEquals(1, counts(matched).get(ExclusionReason.SAME_PRACTICE));

        assertEquals(List.of(samePractice, recommended, unknown, mistyped),
                matched.recommended().stream().map(ProvidersMatched.RecommendedOutcome::npi).toList(), "in the case's order");
        ProvidersMatched.RecommendedOutcome conflicted = matched.recommended().get(0);
        assertEquals("Dr. Sam Test" + samePractice.substring(6), conflicted.name());
        assertTrue(conflicted.inDirectory());
        assertFalse(conflicted.qualifies());
        assertNull(conflicted.rank());
        assertEquals(List.of("same practice as your physician", "certification not verified"), conflicted.reasons(),
                "every reason, not only the first");
        ProvidersMatched.RecommendedOutcome qualifying = matched.recommended().get(1);
        assertTrue(qualifying.qualifies());
        assertEquals(candidate.rank(), qualifying.rank());
        assertEquals(candidate.name(), qualifying.name());
        assertEquals(candidate.why(), qualifying.reasons());
        assertEquals(new ProvidersMatched.RecommendedOutcome(unknown, null, false, false, null,
                List.of("not in the directory: credentials cannot be verified")), matched.recommended().get(2));
        assertEquals(List.of("not a valid NPI: its check digit does not match, so it may be mistyped",
                "not in the directory: credentials cannot be verified"), matched.recommended().get(3).reasons());

        // The suitability question gives the same verdict, reason for reason.
        Map<String, Object> primary = new HashMap<>();
        primary.put("npi", primaryNpi);
        primary.put("specialtyCode", uro);
        primary.put("practiceNpi", primaryPracticeNpi);
        List<String> messages = given().auth().oauth2(Tokens.patient("pat-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("area", Map.of("specialtyCode", uro), "primaryProvider", primary, "stateCode", "NV"))
                .post("/api/physicians/" + samePractice + "/suitability").then().statusCode(200)
                .extract().jsonPath().getList("reasons.message", String.class);
        assertEquals(conflicted.reasons(), messages);
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** A verified REI sub-specialist licensed in IL, with overrides; its feed row is added to {@code feed}. */
    private static String sub(List<String> feed, Map<String, Object> overrides) {
        String npi = TestDirectory.npi();
        Map<String, Object> values = new HashMap<>(Map.of("subSpecialties", List.of(REI),
                "boardCertifications", List.of(certification(ABOG, OBGYN, REI, "CERTIFIED", IN_THREE_YEARS))));
        values.putAll(overrides);
        TestDirectory.create(physician(npi, OBGYN, values));
        feed.add(row(npi, ABOG, OBGYN, REI, "CERTIFIED", IN_THREE_YEARS));
        return npi;
    }

    static CaseSubmitted caseSubmitted(String specialty, String sub, PrimaryProvider primary, String state, double[] point,
            List<String> excluded, List<String> recommended) {
        return new CaseSubmitted(UUID.randomUUID().toString(), "pat-" + UUID.randomUUID(), null, new MedicalArea(specialty, sub),
                List.of(SecondOpinionReason.LACK_OF_CONFIDENCE), "Synthetic test condition", primary, "Synthetic diagnosis",
                null, false, false, List.of(),
                new CaseSubmitted.PatientLocation(state, point == null ? null : point[0], point == null ? null : point[1]),
                "en", recommended, excluded, null, Instant.now());
    }

    static ProvidersMatched matchFor(CaseSubmitted submitted) {
        TestTopics.send(Topics.CASES, EventEnvelope.of("/case-service", submitted));
        // Duplicates are the redelivery test's concern: take the first match without waiting for more.
        List<EventEnvelope<DomainEvent>> events = ProviderEvents.first(
                e -> e.data() instanceof ProvidersMatched m && m.caseId().equals(submitted.caseId()), Duration.ofSeconds(30));
        assertEquals(1, events.size(), "ProvidersMatched for the case");
        return (ProvidersMatched) events.getFirst().data();
    }

    static Map<ExclusionReason, Integer> counts(ProvidersMatched matched) {
        return matched.excludedCounts().stream()
                .collect(Collectors.toMap(ProvidersMatched.ExclusionCount::reason, ProvidersMatched.ExclusionCount::count));
    }
}
