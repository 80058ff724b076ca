package org.secondopinion.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secondopinion.events.Topics;
import org.secondopinion.localstack.journey.DemoJourney;
import org.secondopinion.localstack.journey.Journey;
import org.secondopinion.localstack.journey.SampleFiles;

/** The demo's journey across all four services, with what each step shows checked. */
@ExtendWith(StackExtension.class)
class WholeJourneyTest {

    @Test
    void aliceGetsADisagreeingOpinionFromDrGreyAndSeeksAnotherOneWithoutHim(LocalStackUnderTest stack) throws Exception {
        DemoJourney.Outcome demo = stack.demo();
        Journey journey = stack.journey();

        // Guidance, then the eligibility check before the case: ACME Gold covers it with a 40.00 USD copay.
        assertEquals("STRONGLY_ADVISED", demo.guidance().path("strength").asText(), "surgery recommended: " + demo.guidance());
        assertFalse(demo.guidance().path("nextSteps").isEmpty());
        assertEquals("COVERED", demo.eligibility().path("outcome").asText(), "alice's eligibility: " + demo.eligibility());
        assertEquals("Acme Gold PPO", demo.eligibility().path("planName").asText());

        // Coverage from ACME's rules and ranked candidates from the directory, dr-grey among them.
        JsonNode coverage = demo.options().path("coverage");
        assertEquals("COVERED", coverage.path("outcome").asText(), "ACME covers alice's second opinion: " + coverage);
        assertFalse(coverage.path("pending").asBoolean());
        assertEquals(0, coverage.path("copay").path("amount").decimalValue().compareTo(new java.math.BigDecimal("40.00")),
                "the ACME Gold copay: " + coverage);
        List<String> candidates = npis(demo.options().path("candidates"));
        assertTrue(candidates.contains(Journey.DR_GREY_NPI), "dr-grey is a candidate: " + candidates);
        JsonNode recommended = demo.options().path("recommended").path(0);
        assertEquals(Journey.DR_GREY_NPI, recommended.path("npi").asText());
        assertTrue(recommended.path("qualifies").asBoolean(), "the recommended dr-grey qualifies: " + recommended);

        // The opinion reached the case (OpinionIssued), disagreeing.
        JsonNode opinion = demo.caseAfterOpinion().path("opinion");
        assertEquals("OPINION_ISSUED", demo.caseAfterOpinion().path("status").asText());
        assertEquals("DISAGREES", opinion.path("agreement").asText());
        assertEquals(demo.report().reportId(), opinion.path("reportId").asText());
        assertEquals(1, opinion.path("version").asInt());

        // The report answers both questions; the letter to the primary provider is a PDF.
        JsonNode report = demo.report().report();
        assertEquals("DISAGREES", report.path("latest").path("agreement").asText());
        assertEquals(1, report.path("letters").size(), "one letter to the primary provider: " + report.path("letters"));
        assertEquals("Dr. Pat Primary", report.path("letters").path(0).path("providerName").asText());
        assertNotNull(demo.report().letterPdf());
        assertTrue(SampleFiles.isPdf(demo.report().letterPdf()), "the letter is a PDF");
        String latest = report.path("latest").toString();
        assertTrue(latest.contains("q1") && latest.contains("q2"), "both questions answered: " + latest);

        // The patient's PDF, saved where the demo said.
        assertTrue(SampleFiles.isPdf(demo.pdf()), "the report is a PDF");
        assertArrayEquals(demo.pdf(), Files.readAllBytes(demo.pdfFile()));

        // The decision closed the case and opened a linked one that excludes dr-grey.
        assertEquals("SEEK_ANOTHER_OPINION", demo.decision().path("decision").asText());
        JsonNode closed = journey.getCase(Journey.ALICE, demo.caseId());
        assertEquals("CLOSED", closed.path("status").asText());
        assertEquals(demo.followUpCase().path("id").asText(), closed.path("followUpCaseId").asText());
        assertEquals(demo.caseId(), demo.followUpCase().path("previousCaseId").asText());
        assertTrue(npis(demo.followUpCase().path("excludedPhysicianNpis")).contains(Journey.DR_GREY_NPI));
        List<String> newCandidates = npis(demo.followUpOptions().path("candidates"));
        assertFalse(newCandidates.isEmpty(), "the linked case has candidates");
        assertFalse(newCandidates.contains(Journey.DR_GREY_NPI), "dr-grey is not a candidate again: " + newCandidates);

        // On the broker: the opinion was published once.
        List<JsonNode> events = TopicEvents.read(stack.endpoints().kafkaBootstrap(), List.of(Topics.REPORTS),
                TopicEvents.aboutCase(demo.caseId()));
        assertEquals(1, TopicEvents.count(events, "opinion.issued.v1"));
        assertEquals(1, TopicEvents.count(events, "provider-letter.issued.v1"));
    }

    static List<String> npis(JsonNode array) {
        List<String> npis = new ArrayList<>();
        for (JsonNode n : array) {
            npis.add(n.isTextual() ? n.asText() : n.path("npi").asText());
        }
        return npis;
    }
}
