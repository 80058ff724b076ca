package org.secondopinion.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.coverage.Fixtures.COORDINATOR;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.CoverageDetermined;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.CancelledBy;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.Money;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestTopics;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class CaseCoverageTest {

    static final LocalDate DOB = LocalDate.of(1980, 4, 2);

    static List<CoverageDetermined> coverage(String caseId, int count) {
        List<EventEnvelope<DomainEvent>> events = TestTopics.awaitEvents(Topics.COVERAGE,
                e -> e.data() instanceof CoverageDetermined c && c.caseId().equals(caseId), count, Duration.ofSeconds(30));
        return events.stream().map(e -> (CoverageDetermined) e.data()).toList();
    }

    static void submit(CaseSubmitted event) {
        TestTopics.send(Topics.CASES, EventEnvelope.of("/case-service", event));
    }

    @Test
    void aSubmittedCaseGetsItsCoverageDeterminedOnceEvenWhenRedelivered() {
        String payer = Fixtures.payer(false, null);
        Map<String, Object> plan = Fixtures.plan(payer, "SURGERY_RECOMMENDED");
        plan.put("copay", 40);
        plan.put("networks", List.of("NET-X"));
        plan.put("inNetworkOnly", true);
        plan.put("priorAuthorizationRequired", true);
        String planId = Fixtures.createPlan(plan);
        String member = Fixtures.activeMember(payer, planId);
        String specialty = Fixtures.specialtyWithPrice("600.00");
        String caseId = UUID.randomUUID().toString();
        String patient = Fixtures.unique("pat-");

        EventEnvelope<CaseSubmitted> envelope = EventEnvelope.of("/case-service",
                Fixtures.caseSubmitted(caseId, patient, Fixtures.insurance(payer, member, "Testperson", DOB), specialty, true));
        TestTopics.send(Topics.CASES, envelope);
        TestTopics.send(Topics.CASES, envelope);

        List<CoverageDetermined> determined = coverage(caseId, 1);
        assertEquals(1, determined.size(), "a redelivered CaseSubmitted changes nothing");
        CoverageDetermined c = determined.getFirst();
        assertEquals(CoverageOutcome.COVERED, c.outcome());
        assertTrue(c.finalDetermination());
        assertEquals(payer, c.payerId());
        assertEquals(planId, c.planId());
        assertEquals(List.of("NET-X"), c.networks());
        assertTrue(c.inNetworkOnly());
        assertTrue(c.priorAuthorizationRequired());
        assertEquals(0, new BigDecimal("40").compareTo(c.copay().amount()));
        assertEquals("benefit-surgery-recommended", c.rule());

        // the patient and a coordinator can read why
        given().auth().oauth2(Tokens.patient(patient)).queryParam("caseId", caseId).get("/api/eligibility-checks").then()
                .statusCode(200).body("total", is(1)).body("items[0].rule", is("benefit-surgery-recommended"))
                .body("items[0].id", is(c.determinationId())).body("items[0].origin", is("CASE"));
        given().auth().oauth2(Tokens.patient("someone-else")).queryParam("caseId", caseId).get("/api/eligibility-checks").then()
                .statusCode(200).body("total", is(0)).body("items.size()", is(0));
        given().auth().oauth2(COORDINATOR).get("/api/eligibility-checks/" + c.determinationId()).then().statusCode(200)
                .body("caseId", is(caseId));
    }

    @Test
    void aSelfPayCaseIsNotCoveredWithTheSelfPayEstimate() {
        String specialty = Fixtures.specialtyWithPrice("725.50");
        String caseId = UUID.randomUUID().toString();
        submit(Fixtures.caseSubmitted(caseId, "pat-selfpay", null, specialty, false));

        CoverageDetermined c = coverage(caseId, 1).getFirst();
        assertEquals(CoverageOutcome.NOT_COVERED, c.outcome());
        assertTrue(c.finalDetermination());
        assertNull(c.payerId());
        assertEquals("self-pay", c.rule());
        assertEquals(new Money(new BigDecimal("725.50"), "USD"), c.selfPayEstimate());
    }

    @Test
    void aCaseForAnUnknownMemberIsMemberNotFound() {
        String payer = Fixtures.payer(false, null);
        Fixtures.activeMember(payer, Fixtures.createPlan(Fixtures.plan(payer, "ALWAYS")));
        String caseId = UUID.randomUUID().toString();
        submit(Fixtures.caseSubmitted(caseId, "pat-unknown", Fixtures.insurance(payer, "NOBODY", "Testperson", DOB), "cardiology", false));
        CoverageDetermined c = coverage(caseId, 1).getFirst();
        assertEquals(CoverageOutcome.MEMBER_NOT_FOUND, c.outcome());
        assertEquals("member-mismatch", c.rule());
        assertNull(c.planId());
    }

    @Test
    void aCaseForAPayerWeDoNotKnowIsMemberNotFoundWithTheSelfPayEstimate() {
        String specialty = Fixtures.specialtyWithPrice("515.00");
        String caseId = UUID.randomUUID().toString();
        submit(Fixtures.caseSubmitted(caseId, "pat-nopayer",
                Fixtures.insurance(Fixtures.unique("NOPAYER"), "M1", "Testperson", DOB), specialty, false));
        CoverageDetermined c = coverage(caseId, 1).getFirst();
        assertEquals(CoverageOutcome.MEMBER_NOT_FOUND, c.outcome());
        assertTrue(c.finalDetermination());
        assertEquals("payer-unknown", c.rule());
        assertEquals(new Money(new BigDecimal("515.00"), "USD"), c.selfPayEstimate());
    }

    @Test
    void theYearlyLimitCountsEachCoveredCaseOnceAndACancelledCaseGivesItBack() {
        String payer = Fixtures.payer(false, null);
        Map<String, Object> plan = Fixtures.plan(payer, "ALWAYS");
        plan.put("yearlyLimit", 1);
        String member = Fixtures.activeMember(payer, Fixtures.createPlan(plan));
        String specialty = Fixtures.specialtyWithPrice("410.00");
        CaseSubmitted.Insurance insurance = Fixtures.insurance(payer, member, "Testperson", DOB);
        String patient = Fixtures.unique("pat-");

        String first = UUID.randomUUID().toString();
        submit(Fixtures.caseSubmitted(first, patient, insurance, specialty, false));
        assertEquals(CoverageOutcome.COVERED, coverage(first, 1).getFirst().outcome());

        String second = UUID.randomUUID().toString();
        submit(Fixtures.caseSubmitted(second, patient, insurance, specialty, false));
        CoverageDetermined limited = coverage(second, 1).getFirst();
        assertEquals(CoverageOutcome.LIMIT_REACHED, limited.outcome());
        assertEquals("yearly-limit", limited.rule());
        assertEquals(0, new BigDecimal("410.00").compareTo(limited.selfPayEstimate().amount()));
        // a check before submitting sees the same
        Fixtures.check(Tokens.patient(patient), payer, member, DOB.toString(), specialty, false).then().statusCode(201)
                .body("outcome", is("LIMIT_REACHED"));

        TestTopics.send(Topics.CASES, EventEnvelope.of("/case-service",
                new CaseCancelled(first, patient, "AWAITING_PHYSICIAN", CancelledBy.PATIENT, null, Instant.now())));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Fixtures.check(Tokens.patient(patient), payer, member, DOB.toString(), specialty, false).then().statusCode(201)
                        .body("outcome", is("COVERED")));

        String third = UUID.randomUUID().toString();
        submit(Fixtures.caseSubmitted(third, patient, insurance, specialty, false));
        assertEquals(CoverageOutcome.COVERED, coverage(third, 1).getFirst().outcome());
    }

    @Test
    void otherCaseEventsAreIgnored() {
        String caseId = UUID.randomUUID().toString();
        // a cancellation of a case never determined here changes nothing and does not stop the consumer
        TestTopics.send(Topics.CASES, EventEnvelope.of("/case-service",
                new CaseCancelled(caseId, "pat-x", "DRAFT", CancelledBy.PATIENT, null, Instant.now())));
        // a case with the same key comes after it on the same partition: once it is determined, the
        // cancellation was consumed without publishing anything
        submit(Fixtures.caseSubmitted(caseId, "pat-x", null, "cardiology", false));
        List<EventEnvelope<DomainEvent>> determined = TestTopics.awaitEvents(Topics.COVERAGE,
                e -> e.data() instanceof CoverageDetermined c && c.caseId().equals(caseId), 1, Duration.ofSeconds(30));
        assertEquals(1, determined.size(), "only the submission was determined");
        assertEquals("self-pay", ((CoverageDetermined) determined.getFirst().data()).rule());
    }
}
