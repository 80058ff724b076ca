package org.secondopinion.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secondopinion.localstack.journey.Api;
import org.secondopinion.localstack.journey.Journey;

/**
 * An issued opinion stands across both services. While the broker is away, dr-grey issues his report on bob's case
 * (report-service) and also declines the case (case-service); bob, seeing his case back at the options, chooses
 * another physician. Once the broker is back, the opinion reaches the case: it is OPINION_ISSUED with dr-grey's report
 * and dr-grey as its reviewer, the physician chosen since has lost it, and report-service kept the report and did not
 * hand the review to them.
 */
@ExtendWith(StackExtension.class)
class CrossedDeclineTest {

    private static final Duration AFTER_RESTART = Duration.ofSeconds(120);

    @Test
    void anOpinionIssuedWhileItsPhysicianDeclinedStandsInBothServices(LocalStackUnderTest stack) throws Exception {
        Journey journey = stack.journey();
        Api api = journey.api();
        String reports = stack.endpoints().reportService();
        String bob = Journey.BOB;
        Journey.CaseRef c = journey.createCase(bob, Journey.bobCase());
        journey.submit(bob, c);
        JsonNode options = journey.awaitOptions(bob, c.id(), AFTER_RESTART);
        String other = StreamSupport.stream(options.path("candidates").spliterator(), false)
                .map(candidate -> candidate.path("npi").asText())
                .filter(npi -> !npi.equals(Journey.DR_GREY_NPI)).findFirst()
                .orElseThrow(() -> new AssertionError("bob's case needs a second candidate: " + options));
        journey.select(bob, c.id(), Journey.DR_GREY_NPI);
        journey.uploadChecklist(bob, c.id());
        journey.awaitCaseStatus(bob, c.id(), "UNDER_REVIEW", AFTER_RESTART);
        JsonNode review = journey.awaitReview(Journey.DR_GREY, c.id(), "READY_FOR_REVIEW", AFTER_RESTART);

        Journey.IssuedReport report;
        stack.stopKafka();
        try {
            report = journey.draftAndIssue(Journey.DR_GREY, c.id(), Journey.disagreeingDraft(review));
            api.post(Journey.DR_GREY, journey.caseUrl(c.id()) + "/decline", null).expect(204);
            assertEquals("OPTIONS_READY", journey.getCase(bob, c.id()).path("status").asText(),
                    "case-service has not seen the opinion: the decline sends the case back to the options");
            journey.select(bob, c.id(), other);
            assertEquals(other, journey.getCase(bob, c.id()).path("selectedPhysician").path("npi").asText(),
                    "bob chose another physician");
        } finally {
            stack.startKafka();
        }

        JsonNode done = journey.awaitCaseStatus(bob, c.id(), "OPINION_ISSUED", AFTER_RESTART);
        assertEquals(report.reportId(), done.path("opinion").path("reportId").asText());
        assertEquals(Journey.DR_GREY_NPI, done.path("selectedPhysician").path("npi").asText(), "dr-grey is the reviewer again");
        assertEquals(200, api.get(Journey.DR_GREY, journey.caseUrl(c.id())).status());
        assertEquals("ISSUED", api.get(bob, reports + "/api/reports/" + report.reportId()).expect(200).json()
                .path("status").asText(), "bob reads the issued report");

        // report-service kept the review with dr-grey. The events of a case arrive in order, the new selection last;
        // bob's access log there shows when report-service has applied it (the first selection, then this one).
        Journey.await("report-service to apply the new selection", AFTER_RESTART, () -> {
            JsonNode log = api.get(bob, reports + "/api/reports/access-log?size=200").expect(200).json();
            long applied = StreamSupport.stream(log.spliterator(), false)
                    .filter(e -> e.path("resourceId").asText().equals(c.id()))
                    .filter(e -> e.path("action").asText().equals("APPLY_PHYSICIAN_SELECTED")).count();
            return applied >= 2 ? Optional.of(applied) : Optional.empty();
        });
        assertEquals(200, api.get(Journey.DR_GREY, reports + "/api/reviews/" + c.id()).status(), "the review is still dr-grey's");
        if (other.equals(Journey.DR_HOUSE_NPI)) {
            assertEquals(404, api.get(Journey.DR_HOUSE, journey.caseUrl(c.id())).status(), "dr-house lost the case");
            assertEquals(404, api.get(Journey.DR_HOUSE, reports + "/api/reviews/" + c.id()).status(),
                    "dr-house got no review of it");
        }
    }
}
