package org.secondopinion.cases;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.secondopinion.events.CoverageDetermined;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.OpinionIssued;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.BoardCertification;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.ExclusionReason;
import org.secondopinion.events.model.Money;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.platform.testing.TestDatabase;
import org.secondopinion.platform.testing.TestTopics;
import org.secondopinion.platform.testing.Tokens;

/** Synthetic patients, physicians and other services' events for case-service's tests. */
final class CaseFixtures {

    private CaseFixtures() {
    }

    /** A new patient subject, so that tests sharing the database never see each other's cases. */
    static String newPatient() {
        return "pat-" + UUID.randomUUID();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification patient(String subject) {
        return as(Tokens.patient(subject));
    }

    /** A random NPI that passes the Luhn check with the 80840 prefix; synthetic, for tests only. */
    static String fakeNpi() {
        StringBuilder digits = new StringBuilder("1");
        for (int i = 0; i < 8; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        String base = "80840" + digits;
        int sum = 0;
        for (int i = 0; i < base.length(); i++) {
            int d = base.charAt(base.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return digits.toString() + ((10 - sum % 10) % 10);
    }

    static Map<String, Object> completeDetails(String primaryNpi, List<String> recommended) {
        return Map.ofEntries(
                Map.entry("conditionDescription", "Synthetic knee pain for eight months"),
                Map.entry("area", Map.of("specialtyCode", "orthopaedic-surgery", "subSpecialtyCode", "orthopaedic-sports-medicine")),
                Map.entry("reasons", List.of("SURGERY_RECOMMENDED", "LACK_OF_CONFIDENCE")),
                Map.entry("primaryProvider", Map.of("name", "Dr. Primary Synthetic", "npi", primaryNpi,
                        "specialtyCode", "orthopaedic-surgery", "practiceName", "Synthetic Bone Clinic")),
                Map.entry("primaryDiagnosis", "Synthetic meniscus tear"),
                Map.entry("recommendedTreatment", "Synthetic arthroscopy"),
                Map.entry("surgeryRecommended", true),
                Map.entry("questions", List.of("Is surgery needed now?", "What if I wait?")),
                Map.entry("clarificationSought", true),
                Map.entry("insurance", Map.of("payerId", "ACME", "memberId", "M-" + UUID.randomUUID().toString().substring(0, 8),
                        "firstName", "Sam", "lastName", "Sample", "dateOfBirth", "1980-04-02")),
                Map.entry("location", Map.of("stateCode", "MA", "latitude", 42.36, "longitude", -71.06)),
                Map.entry("preferredLanguage", "en-US"),
                Map.entry("recommendedPhysicianNpis", recommended));
    }

    static Response createDraft(String patient, Object body) {
        return patient(patient).body(body).post("/api/cases");
    }

    /** Creates and submits a complete case; returns its id. */
    static String submittedCase(String patient, List<String> recommended) {
        String id = createDraft(patient, completeDetails(fakeNpi(), recommended)).then().statusCode(201).extract().path("id");
        patient(patient).post("/api/cases/" + id + "/submit").then().statusCode(200);
        return id;
    }

    static CoverageDetermined covered(String caseId, Instant at) {
        return new CoverageDetermined(caseId, UUID.randomUUID().toString(), CoverageOutcome.COVERED, true, "ACME", "ACME-SILVER",
                "Acme Silver", List.of("ACME-PPO"), true, Money.of("40.00", "USD"), null, false, Money.of("450.00", "USD"),
                List.of("Second opinions are covered by your plan."), "R-1", at);
    }

    static CoverageDetermined pending(String caseId, Instant at) {
        return new CoverageDetermined(caseId, UUID.randomUUID().toString(), CoverageOutcome.PENDING_INSURER, false, "ACME",
                null, null, List.of(), false, null, null, false, Money.of("450.00", "USD"),
                List.of("We asked your insurer; the answer usually arrives within a day."), null, at);
    }

    static ProvidersMatched.Candidate candidate(int rank, String npi, List<String> networks, List<DocumentType> required,
            boolean referral) {
        return new ProvidersMatched.Candidate(rank, npi, "Dr. Candidate " + rank, "orthopaedic-surgery", "orthopaedic-sports-medicine",
                List.of(new BoardCertification("American Board of Orthopaedic Surgery", "orthopaedic-surgery",
                        CertificationStatus.CERTIFIED, Instant.parse("2026-01-15T00:00:00Z"), "ABOS primary source",
                        LocalDate.parse("2030-12-31"))),
                networks, null, 4.2 * rank, 10 + rank, List.of("Synthetic General Hospital"), true, List.of("en"),
                new ProvidersMatched.PracticeLocation("Synthetic Practice " + rank, "Boston", "MA"),
                List.of("Board certified in orthopaedic surgery, verified 2026-01-15", "Sports medicine sub-specialist"),
                required, referral);
    }

    /** A match as an older directory sends it: no outcomes for the recommended physicians. */
    static ProvidersMatched matched(String caseId, Instant at, ProvidersMatched.Candidate... candidates) {
        return matched(caseId, at, List.of(), candidates);
    }

    static ProvidersMatched matched(String caseId, Instant at, List<ProvidersMatched.RecommendedOutcome> recommended,
            ProvidersMatched.Candidate... candidates) {
        return new ProvidersMatched(caseId, List.of(candidates),
                List.of(new ProvidersMatched.ExclusionCount(ExclusionReason.PRIMARY_PROVIDER, 1)), at, recommended);
    }

    static OpinionIssued opinion(String caseId, String npi) {
        return new OpinionIssued(caseId, UUID.randomUUID().toString(), 1, npi, OpinionAgreement.DISAGREES,
                "a".repeat(64), Instant.now());
    }

    static EventEnvelope<?> envelope(String source, DomainEvent event) {
        return EventEnvelope.of(source, event);
    }

    /** Sends another service's event to its topic; returns the event id. */
    static UUID play(DomainEvent event) {
        String topic = switch (event) {
            case CoverageDetermined e -> Topics.COVERAGE;
            case ProvidersMatched e -> Topics.PROVIDERS;
            default -> Topics.REPORTS;
        };
        EventEnvelope<DomainEvent> envelope = EventEnvelope.of("/test", event);
        TestTopics.send(topic, envelope);
        return envelope.id();
    }

    static void awaitStatus(String patient, String caseId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(patient(patient).get("/api/cases/" + caseId).then().extract().path("status")));
    }

    /** Takes a case that has options ready, with the given candidates. */
    static String caseWithOptions(String patient, ProvidersMatched.Candidate... candidates) {
        String id = submittedCase(patient, List.of());
        play(covered(id, Instant.now()));
        play(matched(id, Instant.now(), candidates));
        awaitStatus(patient, id, "OPTIONS_READY");
        return id;
    }

    /** The events case-service published about one case, of one type. */
    static <T extends DomainEvent> List<T> published(String caseId, Class<T> type, int count) {
        return published(caseId, type, count, Duration.ofSeconds(30));
    }

    /** For proving that nothing was published: a short wait, well beyond the relay's interval. */
    static <T extends DomainEvent> List<T> publishedWithin(String caseId, Class<T> type, Duration wait) {
        return published(caseId, type, 1, wait);
    }

    static <T extends DomainEvent> List<T> published(String caseId, Class<T> type, int count, Duration timeout) {
        Predicate<EventEnvelope<DomainEvent>> match = e -> e.subject().equals(caseId) && type.isInstance(e.data());
        return TestTopics.awaitEvents(Topics.CASES, match, count, timeout).stream()
                .map(e -> type.cast(e.data())).toList();
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
    }

    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
