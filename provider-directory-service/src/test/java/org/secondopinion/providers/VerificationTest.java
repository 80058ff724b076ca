package org.secondopinion.providers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.PhysicianCredentialsChanged;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.events.model.VerificationOutcome;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class VerificationTest {

    static final String ABIM = "American Board of Internal Medicine";

    @Test
    void aFeedImportKeepsGoodRowsAndReportsEachBadRowWithItsLineNumber() {
        String good1 = TestDirectory.npi();
        String good2 = TestDirectory.npi();
        String badNpi = good1.substring(0, 9) + ((good1.charAt(9) - '0' + 1) % 10);
        Map<String, Object> report = TestDirectory.importFeed("ABIM import test", List.of(
                row(good1, ABIM, "cardiology", null, "CERTIFIED", LocalDate.now().plusYears(1)),          // line 2
                row(badNpi, ABIM, "cardiology", null, "CERTIFIED", null),                                // line 3
                row(good1, ABIM, "astrology", null, "CERTIFIED", null),                                  // line 4
                good1 + "," + ABIM + ",cardiology,,CERTIFIED,yesterday,",                                 // line 5
                good1 + "," + ABIM + ",cardiology",                                                       // line 6
                row(good1, ABIM, "cardiology", "dermatopathology", "CERTIFIED", null),                   // line 7
                row(good1, ABIM, "cardiology", null, "LAPSED", null),                                    // line 8
                "\"" + good2 + "\",\"" + ABIM + "\",cardiology,interventional-cardiology,CERTIFIED,2015-01-01,2030-01-01")); // line 9
        assertEquals(2, report.get("imported"));
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
        assertEquals(List.of(3, 4, 5, 6, 7, 8), rejected.stream().map(r -> r.get("line")).toList());
        assertTrue(((String) rejected.get(0).get("reason")).contains("npi"));
        assertTrue(((String) rejected.get(2).get("reason")).contains("certified_since"));
        assertTrue(((String) rejected.get(3).get("reason")).contains("expected 7 fields"));

        given().auth().oauth2(TestDirectory.COORDINATOR).contentType("text/csv").body("npi;board\n1;2\n")
                .post("/api/board-feeds").then().statusCode(400);
    }

    @Test
    void eachOutcomeIsRecordedWithSourceTimeAndNextDueDate() {
        String npi = TestDirectory.npi();
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusYears(1);
        TestDirectory.create(physician(npi, "cardiology", Map.of("specialties", List.of("cardiology", "internal-medicine"),
                "boardCertifications", List.of(
                        certification(ABIM, "cardiology", null, "CERTIFIED", soon),
                        certification(ABIM, "cardiology", "interventional-cardiology", "CERTIFIED", null),
                        certification(ABIM, "internal-medicine", null, "CERTIFIED", null),
                        certification(ABIM, "internal-medicine", "nephrology", "CERTIFIED", null)))));
        TestDirectory.importFeed("ABIM outcomes feed", List.of(
                row(npi, ABIM, "cardiology", null, "CERTIFIED", soon),
                row(npi, ABIM, "internal-medicine", null, "EXPIRED", LocalDate.now().minusYears(1)),
                row(npi, ABIM, "internal-medicine", "nephrology", "CERTIFIED", null)));
        Instant before = Instant.now();
        List<Map<String, Object>> certifications = TestDirectory.verify(npi);

        Map<String, Map<String, Object>> byArea = new HashMap<>();
        certifications.forEach(c -> byArea.put(c.get("subSpecialtyCode") != null ? (String) c.get("subSpecialtyCode")
                : (String) c.get("specialtyCode"), c));
        assertEquals("VERIFIED", outcome(byArea.get("cardiology")));
        assertEquals("MISMATCH", outcome(byArea.get("interventional-cardiology")));
        assertEquals("EXPIRED", outcome(byArea.get("internal-medicine")));
        assertEquals("VERIFIED", outcome(byArea.get("nephrology")));
        Map<String, Object> verification = verification(byArea.get("cardiology"));
        assertEquals("ABIM outcomes feed", verification.get("source"));
        assertFalse(Instant.parse((String) verification.get("verifiedAt")).isBefore(before.minusSeconds(1)));
        assertEquals(soon.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), Instant.parse((String) verification.get("nextDueAt")),
                "due again when the certification ends, sooner than 36 months");
        Instant lifetimeDue = Instant.parse((String) verification(byArea.get("nephrology")).get("nextDueAt"));
        Instant thirtySixMonths = Instant.now().atZone(ZoneOffset.UTC).plusMonths(36).toInstant();
        assertTrue(lifetimeDue.isAfter(thirtySixMonths.minus(Duration.ofDays(1))) && !lifetimeDue.isAfter(thirtySixMonths),
                "a certification without end is due again within 36 months");
        assertEquals(true, byArea.get("cardiology").get("current"));
        assertEquals(false, byArea.get("internal-medicine").get("current"));

        String unknown = TestDirectory.npi();
        TestDirectory.create(physician(unknown, "cardiology", Map.of("boardCertifications",
                List.of(certification(ABIM, "cardiology", null, "CERTIFIED", null)))));
        assertEquals("NOT_FOUND", outcome(TestDirectory.verify(unknown).getFirst()));

        // Each change of what the directory knows is announced (the scheduler may have found "not found" before the import).
        List<EventEnvelope<DomainEvent>> events = ProviderEvents.await(
                e -> e.data() instanceof PhysicianCredentialsChanged c && c.npi().equals(npi)
                        && c.specialtyCode().equals("cardiology") && c.outcome() == VerificationOutcome.VERIFIED,
                1, Duration.ofSeconds(20));
        assertEquals(1, events.size(), "announced once");
        PhysicianCredentialsChanged verified = (PhysicianCredentialsChanged) events.getFirst().data();
        assertEquals(CertificationStatus.CERTIFIED, verified.status());
        assertEquals("ABIM outcomes feed", verified.source());
        assertEquals(soon, verified.validUntil());
        assertTrue(verified.matchable());
        assertFalse(verified.lapsed());
    }

    @Test
    void aLapseFoundByTheScheduledReVerificationStopsMatchingAndIsPublished() {
        String npi = TestDirectory.npi();
        LocalDate until = LocalDate.now(ZoneOffset.UTC).plusYears(2);
        TestDirectory.create(physician(npi, "internal-medicine", Map.of("boardCertifications",
                List.of(certification(ABIM, "internal-medicine", "rheumatology", "CERTIFIED", until)))));
        TestDirectory.importFeed("ABIM lapse feed v1", List.of(row(npi, ABIM, "internal-medicine", "rheumatology", "CERTIFIED", until)));
        TestDirectory.verify(npi);
        Map<String, Object> suitability = Map.of(
                "area", Map.of("specialtyCode", "internal-medicine", "subSpecialtyCode", "rheumatology"),
                "primaryProvider", Map.of("npi", TestDirectory.npi(), "specialtyCode", "internal-medicine"),
                "stateCode", "IL");
        given().auth().oauth2(Tokens.patient("pat-lapse")).contentType(ContentType.JSON).body(suitability)
                .post("/api/physicians/" + npi + "/suitability").then().statusCode(200).body("qualifies", is(true));

        // The board now reports the certification expired; nobody asks: the scheduled job finds it.
        TestDirectory.importFeed("ABIM lapse feed v2",
                List.of(row(npi, ABIM, "internal-medicine", "rheumatology", "EXPIRED", LocalDate.now().minusDays(3))));
        List<EventEnvelope<DomainEvent>> lapses = ProviderEvents.await(
                e -> e.data() instanceof PhysicianCredentialsChanged c && c.npi().equals(npi) && c.lapsed(), 1, Duration.ofSeconds(30));
        assertEquals(1, lapses.size(), "one lapse, announced once");
        PhysicianCredentialsChanged lapse = (PhysicianCredentialsChanged) lapses.getFirst().data();
        assertEquals(VerificationOutcome.EXPIRED, lapse.outcome());
        assertEquals(CertificationStatus.CERTIFIED, lapse.previousStatus());
        assertEquals(CertificationStatus.EXPIRED, lapse.status());
        assertFalse(lapse.matchable());
        assertEquals("rheumatology", lapse.specialtyCode());
        assertEquals("ABIM lapse feed v2", lapse.source());
        assertEquals(npi, lapses.getFirst().subject());

        given().auth().oauth2(Tokens.patient("pat-lapse")).contentType(ContentType.JSON).body(suitability)
                .post("/api/physicians/" + npi + "/suitability").then().statusCode(200)
                .body("qualifies", is(false))
                .body("reasons.code", hasItem("CERTIFICATION_EXPIRED"));
        given().auth().oauth2(Tokens.patient("pat-lapse")).get("/api/physicians/" + npi).then()
                .body("boardCertifications[0].current", is(false))
                .body("boardCertifications[0].verification.outcome", is("EXPIRED"))
                .body("boardCertifications[0].verification.source", is("ABIM lapse feed v2"));
    }

    @Test
    void onlyCoordinatorsImportAndVerify() {
        given().auth().oauth2(Tokens.patient("pat-x")).contentType("text/csv").body("npi\n")
                .post("/api/board-feeds").then().statusCode(403);
        given().auth().oauth2(Tokens.physician("doc-x", TestDirectory.npi()))
                .post("/api/physicians/" + TestDirectory.npi() + "/verifications").then().statusCode(403);
        given().auth().oauth2(TestDirectory.COORDINATOR)
                .post("/api/physicians/" + TestDirectory.npi() + "/verifications").then().statusCode(404);
    }

    private static String outcome(Map<String, Object> certification) {
        return (String) verification(certification).get("outcome");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verification(Map<String, Object> certification) {
        return (Map<String, Object>) certification.get("verification");
    }
}
