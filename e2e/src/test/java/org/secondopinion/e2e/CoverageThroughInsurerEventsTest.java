package org.secondopinion.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secondopinion.events.Topics;
import org.secondopinion.localstack.journey.Journey;

/**
 * Bob is insured with BEACON, which answers through events: eligibility-service asks the insurer
 * (EligibilityInquiry), the case first shows coverage pending with the insurer, then the insurer simulator's answer
 * (EligibilityAnswer) makes the final coverage visible on the case's options.
 */
@ExtendWith(StackExtension.class)
class CoverageThroughInsurerEventsTest {

    @Test
    void bobsCoverageIsPendingWithBeaconThenTheInsurersAnswerShowsOnTheOptions(LocalStackUnderTest stack) {
        Journey journey = stack.journey();
        Journey.CaseRef c = journey.createCase(Journey.BOB, Journey.bobCase());
        journey.submit(Journey.BOB, c);

        JsonNode options = Journey.await("BEACON's final answer on bob's options", Duration.ofSeconds(90), () -> {
            JsonNode o = journey.options(Journey.BOB, c.id());
            JsonNode cov = o.path("coverage");
            return cov.isObject() && !cov.path("pending").asBoolean() && !cov.path("outcome").asText().equals("PENDING_INSURER")
                    && o.path("candidates").size() > 0 ? Optional.of(o) : Optional.empty();
        });
        journey.showOptions(options);
        JsonNode coverage = options.path("coverage");
        assertEquals("COVERED", coverage.path("outcome").asText(), "BEACON covers bob: " + coverage);
        assertEquals(0, coverage.path("coinsurancePercent").decimalValue().compareTo(BigDecimal.valueOf(20)), "20 % coinsurance");
        assertTrue(coverage.path("priorAuthorizationRequired").asBoolean(), "BEACON requires prior authorisation");
        assertTrue(coverage.path("networks").toString().contains("BEACON-CHOICE"), "BEACON's network: " + coverage);
        assertEquals("OPTIONS_READY", options.path("status").asText());

        // What went over the broker: pending first, then the insurer's answer, each once.
        List<JsonNode> determinations = TopicEvents.read(stack.endpoints().kafkaBootstrap(), List.of(Topics.COVERAGE),
                TopicEvents.aboutCase(c.id()));
        determinations.sort(Comparator.comparing(e -> e.path("data").path("determinedAt").asText()));
        assertEquals(2, determinations.size(), "a pending and a final determination: " + determinations);
        assertEquals("PENDING_INSURER", determinations.get(0).path("data").path("outcome").asText());
        assertFalse(determinations.get(0).path("data").path("finalDetermination").asBoolean());
        assertEquals("COVERED", determinations.get(1).path("data").path("outcome").asText());
        assertTrue(determinations.get(1).path("data").path("finalDetermination").asBoolean());

        List<JsonNode> inquiries = TopicEvents.read(stack.endpoints().kafkaBootstrap(), List.of(Topics.INSURER_INQUIRIES),
                TopicEvents.aboutCase(c.id()));
        assertEquals(1, inquiries.size(), "one inquiry to BEACON: " + inquiries);
        String trace = inquiries.get(0).path("data").path("traceNumber").asText();
        List<JsonNode> answers = TopicEvents.read(stack.endpoints().kafkaBootstrap(), List.of(Topics.INSURER_ANSWERS),
                e -> trace.equals(e.path("data").path("traceNumber").asText()) || trace.equals(e.path("subject").asText()));
        assertEquals(1, answers.size(), "one answer from the insurer simulator: " + answers);

        // The insurers' own view (client-credentials tokens from Keycloak): BEACON sees its determination, ACME nothing.
        String list = stack.endpoints().eligibility() + "/api/eligibility-checks?caseId=" + c.id();
        JsonNode beacon = journey.api().get("insurer-beacon", list).expect(200).json();
        assertTrue(beacon.toString().contains("\"COVERED\""), "BEACON sees its answer for bob's case: " + beacon);
        JsonNode acme = journey.api().get("insurer-acme", list).expect(200).json();
        assertEquals(0, acme.path("total").asInt(-1), "ACME sees nothing of a BEACON member's case: " + acme);
        assertEquals(0, acme.path("items").size(), "ACME sees nothing of a BEACON member's case: " + acme);
    }
}
