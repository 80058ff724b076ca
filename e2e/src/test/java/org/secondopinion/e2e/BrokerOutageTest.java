package org.secondopinion.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secondopinion.events.Topics;
import org.secondopinion.localstack.journey.Journey;

/**
 * The broker goes away twice in the middle of a journey: when bob submits his case, and when dr-grey issues his
 * report. Both steps succeed while it is down (the events wait in the services' outboxes); once it is back the
 * journey completes, no event is lost, and nothing is applied twice. (Bob, insured with BEACON, so that the insurer's
 * round trip through events crosses the outage too, and alice's ACME benefit limit is left to the demo journey.)
 */
@ExtendWith(StackExtension.class)
class BrokerOutageTest {

    private static final Duration AFTER_RESTART = Duration.ofSeconds(120);

    @Test
    void aJourneyThroughTwoBrokerOutagesLosesNothingAndAppliesNothingTwice(LocalStackUnderTest stack) throws Exception {
        Journey journey = stack.journey();
        String bob = Journey.BOB;
        Journey.CaseRef c = journey.createCase(bob, Journey.bobCase());

        stack.stopKafka();
        try {
            JsonNode submitted = journey.submit(bob, c);
            assertEquals("SUBMITTED", submitted.path("status").asText(), "submitting works without the broker");
            Thread.sleep(2000);
            assertEquals("SUBMITTED", journey.getCase(bob, c.id()).path("status").asText(),
                    "no coverage or candidates can arrive while the broker is down");
        } finally {
            stack.startKafka();
        }
        journey.awaitOptions(bob, c.id(), AFTER_RESTART);
        journey.select(bob, c.id(), Journey.DR_GREY_NPI);
        journey.uploadChecklist(bob, c.id());
        journey.awaitCaseStatus(bob, c.id(), "UNDER_REVIEW", AFTER_RESTART);
        JsonNode review = journey.awaitReview(Journey.DR_GREY, c.id(), "READY_FOR_REVIEW", AFTER_RESTART);

        stack.stopKafka();
        try {
            Journey.IssuedReport report = journey.draftAndIssue(Journey.DR_GREY, c.id(), Journey.disagreeingDraft(review));
            assertEquals("ISSUED", report.report().path("status").asText(), "issuing works without the broker");
            Thread.sleep(2000);
            assertEquals("UNDER_REVIEW", journey.getCase(bob, c.id()).path("status").asText(),
                    "the opinion cannot reach the case while the broker is down");
        } finally {
            stack.startKafka();
        }
        JsonNode done = journey.awaitCaseStatus(bob, c.id(), "OPINION_ISSUED", AFTER_RESTART);
        assertEquals("DISAGREES", done.path("opinion").path("agreement").asText());

        // BEACON's answer crossed the first outage too: the final coverage reaches the case (consumer groups may take a
        // while to rebalance after the restart, and the journey does not wait for it).
        JsonNode coverage = Journey.await("BEACON's final answer on bob's case", AFTER_RESTART, () -> {
            JsonNode cov = journey.options(bob, c.id()).path("coverage");
            return cov.isObject() && !cov.path("pending").asBoolean() ? Optional.of(cov) : Optional.empty();
        });
        assertEquals("COVERED", coverage.path("outcome").asText(), "BEACON's answer: " + coverage);

        // Every event once on the broker.
        List<JsonNode> events = TopicEvents.read(stack.endpoints().kafkaBootstrap(),
                List.of(Topics.CASES, Topics.PROVIDERS, Topics.COVERAGE, Topics.REPORTS), TopicEvents.aboutCase(c.id()));
        assertEquals(1, TopicEvents.count(events, "case.submitted.v1"), "one CaseSubmitted");
        assertEquals(1, TopicEvents.count(events, "providers.matched.v1"), "one ProvidersMatched");
        assertEquals(2, TopicEvents.count(events, "coverage.determined.v1"), "BEACON: one pending, one final CoverageDetermined");
        assertEquals(1, TopicEvents.count(events, "case.physician-selected.v1"), "one PhysicianSelected");
        assertEquals(1, TopicEvents.count(events, "case.records-completed.v1"), "one RecordsCompleted");
        assertEquals(1, TopicEvents.count(events, "opinion.issued.v1"), "one OpinionIssued");
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertTrue(ids.add(e.path("id").asText()), "an event id appears twice: " + e.path("id")));

        // And each applied once: every stage once on the case's timeline, one opinion on the case.
        JsonNode timeline = journey.api().get(bob, journey.caseUrl(c.id()) + "/timeline").expect(200).json();
        List<String> stages = new ArrayList<>();
        timeline.path("stages").forEach(s -> stages.add(s.path("stage").asText()));
        assertEquals(List.of("DRAFT", "SUBMITTED", "OPTIONS_READY", "PHYSICIAN_SELECTED", "AWAITING_RECORDS", "UNDER_REVIEW",
                "OPINION_ISSUED"), stages.stream().distinct().toList(), "the stages in order: " + stages);
        assertEquals(stages.size(), new HashSet<>(stages).size(), "no stage entered twice: " + stages);
        assertEquals(1, done.path("opinion").path("version").asInt());
    }
}
