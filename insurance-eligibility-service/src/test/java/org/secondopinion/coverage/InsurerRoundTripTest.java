package org.secondopinion.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.coverage.Fixtures.COORDINATOR;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.CoverageDetermined;
import org.secondopinion.events.EligibilityAnswer;
import org.secondopinion.events.EligibilityInquiry;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.Money;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestTopics;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class InsurerRoundTripTest {

    /** The payer the simulator answers for, from src/main/resources/insurer-simulator/members.csv. */
    static final String SIMULATED = "SIMHEALTH";
    static final String DEAD_LETTERS = Topics.deadLetter("insurance-eligibility-service");

    @BeforeEach
    void simulatedPayer() {
        int status = given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("id", SIMULATED, "name", "SimHealth (simulated insurer)", "answersThroughEvents", true))
                .post("/api/payers").statusCode();
        assertTrue(status == 201 || status == 409, "created, or there already: " + status);
    }

    static List<CoverageDetermined> coverage(String caseId, int count) {
        return TestTopics.awaitEvents(Topics.COVERAGE, e -> e.data() instanceof CoverageDetermined c && c.caseId().equals(caseId),
                count, Duration.ofSeconds(30)).stream().map(e -> (CoverageDetermined) e.data()).toList();
    }

    static EligibilityInquiry inquiry(String caseId) {
        List<EligibilityInquiry> found = TestTopics.awaitEvents(Topics.INSURER_INQUIRIES,
                e -> e.data() instanceof EligibilityInquiry i && i.caseId().equals(caseId), 1, Duration.ofSeconds(30))
                .stream().map(e -> (EligibilityInquiry) e.data()).toList();
        assertEquals(1, found.size(), "one inquiry for the case");
        return found.getFirst();
    }

    @Test
    void theSimulatedInsurerAnswersAndTheCaseGetsPendingThenTheFinalDetermination() {
        String caseId = UUID.randomUUID().toString();
        String specialty = Fixtures.specialtyWithPrice("480.00");
        TestTopics.send(Topics.CASES, EventEnvelope.of("/case-service", Fixtures.caseSubmitted(caseId, "pat-sim",
                new CaseSubmitted.Insurance(SIMULATED, "SIM-COVERED-1", "GRP-77", "Sam", "Testperson", LocalDate.of(1975, 3, 14)),
                specialty, true)));

        EligibilityInquiry inquiry = inquiry(caseId);
        assertEquals(SIMULATED, inquiry.payerId());
        assertEquals("SIM-COVERED-1", inquiry.subscriber().memberId());
        assertEquals("Testperson", inquiry.subscriber().lastName());
        assertEquals("GRP-77", inquiry.subscriber().groupNumber());
        assertEquals(LocalDate.of(1975, 3, 14), inquiry.subscriber().dateOfBirth());
        assertEquals(EligibilityInquiry.SERVICE_TYPE_CONSULTATION, inquiry.serviceTypeCode());
        assertEquals(specialty, inquiry.specialtyCode());

        List<CoverageDetermined> determined = coverage(caseId, 2);
        assertEquals(2, determined.size());
        CoverageDetermined pending = determined.get(0);
        assertEquals(CoverageOutcome.PENDING_INSURER, pending.outcome());
        assertFalse(pending.finalDetermination());
        CoverageDetermined covered = determined.get(1);
        assertEquals(CoverageOutcome.COVERED, covered.outcome());
        assertTrue(covered.finalDetermination());
        assertEquals(new Money(new BigDecimal("30.00"), "USD"), covered.copay());
        assertTrue(covered.priorAuthorizationRequired());
        assertEquals(List.of("SIM-PPO", "SIM-HMO"), covered.networks());
        assertEquals("SIM-GOLD", covered.planId());
        assertEquals("insurer-covered", covered.rule());
        assertEquals(pending.determinationId(), covered.determinationId(), "one determination, completed by the answer");

        // the insurer's client can read its payer's determination, with the trace number
        given().auth().oauth2(Tokens.insurer("sim-client", SIMULATED)).get("/api/eligibility-checks/" + covered.determinationId())
                .then().statusCode(200).body("traceNumber", is(inquiry.traceNumber())).body("answeredAt", notNullValue());
    }

    @Test
    void aPatientsCheckIsPendingUntilTheSimulatedInsurerAnswers() {
        // all four asked at once, then awaited: the simulator answers them in parallel
        Map<String, String[]> asked = new HashMap<>();
        for (String[] member : List.of(
                new String[] { "SIM-INACTIVE-1", "Sampleton", "1968-11-02", "COVERAGE_INACTIVE" },
                new String[] { "SIM-NOBENEFIT-1", "Exampleman", "1990-07-21", "NOT_COVERED" },
                new String[] { "SIM-LIMIT-1", "Fakename", "1982-01-30", "LIMIT_REACHED" },
                new String[] { "SIM-COVERED-1", "Testperson", "1975-03-15", "MEMBER_NOT_FOUND" })) {
            String patient = Tokens.patient(Fixtures.unique("pat-"));
            Map<String, Object> body = new HashMap<>();
            body.put("payerId", SIMULATED);
            body.put("memberId", member[0]);
            body.put("firstName", "Sam");
            body.put("lastName", member[1]);
            body.put("dateOfBirth", member[2]);
            body.put("specialtyCode", "cardiology");
            body.put("surgeryRecommended", false);
            String location = given().auth().oauth2(patient).contentType(ContentType.JSON).body(body).post("/api/eligibility-checks")
                    .then().statusCode(201).body("outcome", is("PENDING_INSURER")).body("finalDetermination", is(false))
                    .body("traceNumber", notNullValue()).extract().header("Location");
            asked.put(location, new String[] { patient, member[3] });
        }
        asked.forEach((location, patientAndOutcome) -> Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(patientAndOutcome[0]).get(location).then().statusCode(200)
                        .body("outcome", is(patientAndOutcome[1])).body("finalDetermination", is(true))));
    }

    @Test
    void anAnswerWithAnUnknownTraceNumberGoesToTheDeadLetterTopic() {
        String trace = "UNKNOWN" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        TestTopics.send(Topics.INSURER_ANSWERS, EventEnvelope.of("/insurer", new EligibilityAnswer(trace, SIMULATED, null, true, true,
                true, null, null, null, null, List.of(), null, null, null, Instant.now())));
        List<ConsumerRecord<String, String>> dead = TestTopics.await(DEAD_LETTERS, r -> trace.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "the unknown answer is on the dead-letter topic");
        String reason = TestTopics.header(dead.getFirst(), "dead-letter-reason");
        assertNotNull(reason);
        assertTrue(reason.contains("unknown trace number"), reason);
    }

    @Test
    void anotherPayersAnswerIsRejectedAndASecondAnswerChangesNothing() {
        String payer = Fixtures.payer(true, 600);
        String patient = Tokens.patient(Fixtures.unique("pat-"));
        Map<String, Object> body = new HashMap<>();
        body.put("payerId", payer);
        body.put("memberId", "M-TWICE-1");
        body.put("firstName", "Jane");
        body.put("lastName", "Testperson");
        body.put("dateOfBirth", "1970-01-01");
        body.put("specialtyCode", "cardiology");
        body.put("surgeryRecommended", false);
        var created = given().auth().oauth2(patient).contentType(ContentType.JSON).body(body).post("/api/eligibility-checks")
                .then().statusCode(201).body("outcome", is("PENDING_INSURER")).extract();
        String trace = created.path("traceNumber");
        String id = created.path("id");
        String location = created.header("Location");
        String stranger = Fixtures.unique("OTHER");

        // all keyed by the echoed case id (here the determination id): one partition, consumed in this order
        TestTopics.send(Topics.INSURER_ANSWERS, EventEnvelope.of("/insurer", new EligibilityAnswer(trace, stranger, id, true, true,
                true, false, new Money(new BigDecimal("1.00"), "USD"), null, false, List.of(), null, null, null, Instant.now())));
        TestTopics.send(Topics.INSURER_ANSWERS, EventEnvelope.of("/insurer", new EligibilityAnswer(trace, payer, id, true, true,
                true, false, new Money(new BigDecimal("10.00"), "USD"), null, false, List.of(), "P-1", "Plan One", null, Instant.now())));
        TestTopics.send(Topics.INSURER_ANSWERS, EventEnvelope.of("/insurer", new EligibilityAnswer(trace, payer, id, false, false,
                false, null, null, null, null, List.of(), null, null, null, Instant.now())));
        TestTopics.send(Topics.INSURER_ANSWERS, EventEnvelope.of("/insurer", new EligibilityAnswer(trace, stranger, id, false, false,
                false, null, null, null, null, List.of(), null, null, null, Instant.now())));

        List<ConsumerRecord<String, String>> dead = TestTopics.await(DEAD_LETTERS, r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, dead.size(), "both answers of another payer are on the dead-letter topic");
        // the first answer of the insurer asked counts; its second answer, consumed before the last rejection, changed nothing
        given().auth().oauth2(patient).get(location).then().statusCode(200).body("outcome", is("COVERED"))
                .body("copay.amount", is(10.0f)).body("planId", is("P-1")).body("rule", is("insurer-covered"));
    }

    @Test
    void withoutAnAnswerTheOutcomeBecomesUnknownAndALateAnswerStillCounts() {
        String silent = Fixtures.payer(true, 1);
        String specialty = Fixtures.specialtyWithPrice("333.00");
        String caseId = UUID.randomUUID().toString();
        String patient = Fixtures.unique("pat-");
        TestTopics.send(Topics.CASES, EventEnvelope.of("/case-service", Fixtures.caseSubmitted(caseId, patient,
                Fixtures.insurance(silent, "M-LATE-1", "Testperson", LocalDate.of(1960, 6, 6)), specialty, false)));

        EligibilityInquiry inquiry = inquiry(caseId);
        List<CoverageDetermined> determined = coverage(caseId, 2);
        assertEquals(CoverageOutcome.PENDING_INSURER, determined.get(0).outcome());
        CoverageDetermined unknown = determined.get(1);
        assertEquals(CoverageOutcome.UNKNOWN, unknown.outcome());
        assertTrue(unknown.finalDetermination());
        assertEquals("insurer-timeout", unknown.rule());
        assertTrue(unknown.reasons().getFirst().contains("verify your second-opinion coverage with your insurer"));
        assertEquals(new Money(new BigDecimal("333.00"), "USD"), unknown.selfPayEstimate());

        // the insurer answers late: the answer counts
        TestTopics.send(Topics.INSURER_ANSWERS, EventEnvelope.of("/insurer", new EligibilityAnswer(inquiry.traceNumber(), silent,
                caseId, true, true, true, false, null, new BigDecimal("15"), false, List.of("NET-LATE"), "LATE-PLAN", "Late Plan",
                "Approved after review", Instant.now())));
        List<CoverageDetermined> all = coverage(caseId, 3);
        CoverageDetermined late = all.get(2);
        assertEquals(CoverageOutcome.COVERED, late.outcome());
        assertTrue(late.finalDetermination());
        assertEquals(0, new BigDecimal("15").compareTo(late.coinsurancePercent()));
        assertEquals(List.of("NET-LATE"), late.networks());

        given().auth().oauth2(Tokens.patient(patient)).get("/api/eligibility-checks/" + late.determinationId()).then().statusCode(200)
                .body("outcome", is("COVERED")).body("timedOutAt", notNullValue()).body("answeredAt", notNullValue())
                .body("reasons", hasItem(containsString("Approved after review")));
    }
}
