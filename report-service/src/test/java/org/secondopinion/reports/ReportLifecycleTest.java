package org.secondopinion.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.OpinionAmended;
import org.secondopinion.events.OpinionIssued;
import org.secondopinion.events.ProviderLetterIssued;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.AmendmentKind;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestTopics;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class ReportLifecycleTest {

    @Test
    void draftsAreSavedWithIfMatch() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft draft = scenario.startReport(Map.of("diagnosis", "First thoughts"));

        Map<String, Object> edit = Map.of("diagnosis", "Stable angina", "answers", List.of(Map.of("questionId", "q1", "answer", "Not yet.")));
        given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON).body(edit)
                .put("/api/reports/" + draft.id() + "/draft").then().statusCode(428);
        String etag = given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON).header("If-Match", draft.etag())
                .body(edit).put("/api/reports/" + draft.id() + "/draft").then().statusCode(200)
                .body("draft.diagnosis", is("Stable angina"))
                .body("draft.answers[0].answer", is("Not yet."))
                .extract().header("ETag");
        // The first ETag is stale now: a concurrent edit is not overwritten.
        given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON).header("If-Match", draft.etag())
                .body(Map.of("diagnosis", "Overwritten")).put("/api/reports/" + draft.id() + "/draft").then().statusCode(412);
        // An answer to a question the patient never asked is refused.
        given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("answers", List.of(Map.of("questionId", "q9", "answer", "?"))))
                .put("/api/reports/" + draft.id() + "/draft").then().statusCode(400);
        given().auth().oauth2(scenario.physicianToken()).get("/api/reports/" + draft.id()).then().statusCode(200)
                .body("status", is("DRAFT")).body("draft.diagnosis", is("Stable angina"));
        // One report per case.
        given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/reviews/" + scenario.caseId + "/report").then().statusCode(409);
    }

    @Test
    void issuingAnIncompleteReportListsWhatIsMissing() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        Map<String, Object> draft = new HashMap<>(scenario.completeDraft("DISAGREES"));
        draft.remove("differenceExplanation");
        draft.remove("surgeryConcurrence");
        draft.put("answers", List.of(Map.of("questionId", "q1", "answer", "Not at this point.")));
        CaseScenario.Draft started = scenario.startReport(draft);

        given().auth().oauth2(scenario.physicianToken()).header("If-Match", started.etag())
                .post("/api/reports/" + started.id() + "/issue").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("differenceExplanation", "surgeryConcurrence", "answers"))
                .body("errors.message", hasItem("question q2 is not answered"));
        given().auth().oauth2(scenario.physicianToken()).get("/api/reports/" + started.id()).then()
                .body("status", is("DRAFT")).body("currentVersion", is(0));
    }

    @Test
    void issuingFreezesTheReportPublishesOpinionIssuedAndTheLetter() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft draft = scenario.startReport(scenario.completeDraft("DISAGREES"));
        Response issued = given().auth().oauth2(scenario.physicianToken()).header("If-Match", draft.etag())
                .post("/api/reports/" + draft.id() + "/issue");
        issued.then().statusCode(200)
                .body("status", is("ISSUED"))
                .body("currentVersion", is(1))
                .body("latest.kind", is("ORIGINAL"))
                .body("latest.content.opinion.diagnosis", is("Stable angina with single-vessel disease"))
                .body("letters.size()", is(1));
        String hash = issued.jsonPath().getString("latest.contentHash");
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);

        List<EventEnvelope<DomainEvent>> opinions = TestTopics.awaitEvents(Topics.REPORTS,
                e -> e.data() instanceof OpinionIssued o && o.caseId().equals(scenario.caseId), 1, Duration.ofSeconds(20));
        assertEquals(1, opinions.size());
        OpinionIssued event = (OpinionIssued) opinions.getFirst().data();
        assertEquals(draft.id(), event.reportId());
        assertEquals(1, event.version());
        assertEquals(OpinionAgreement.DISAGREES, event.agreement());
        assertEquals(scenario.physicianNpi, event.physicianNpi());
        assertEquals(hash, event.contentHash());
        assertEquals(scenario.caseId, opinions.getFirst().subject());

        List<EventEnvelope<DomainEvent>> letters = TestTopics.awaitEvents(Topics.REPORTS,
                e -> e.data() instanceof ProviderLetterIssued l && l.caseId().equals(scenario.caseId), 1, Duration.ofSeconds(20));
        assertEquals(1, letters.size());
        ProviderLetterIssued letter = (ProviderLetterIssued) letters.getFirst().data();
        assertEquals(scenario.primaryNpi, letter.primaryProvider().npi());
        assertEquals(scenario.primaryName, letter.primaryProvider().name());

        byte[] letterPdf = given().auth().oauth2(scenario.patientToken()).get(letter.letterReference()).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals(letter.contentHash(), org.secondopinion.reports.service.ContentHash.sha256(letterPdf));
        String letterText = Pdfs.text(letterPdf);
        assertTrue(letterText.contains("To: " + scenario.primaryName + " (NPI " + scenario.primaryNpi + ")"), letterText);
        assertTrue(letterText.contains("Explanation of the difference"), letterText);
        assertTrue(letterText.contains("Bypass surgery is for disease of several vessels"), letterText);

        byte[] pdf = given().auth().oauth2(scenario.patientToken()).get("/api/reports/" + draft.id() + "/pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = Pdfs.text(pdf);
        for (String expected : List.of("Your second opinion", "Dr. Sample Reviewer, MD, board certified in cardiology",
                "NPI " + scenario.physicianNpi, "Version: 1", "First issued:", "Summary: do I agree with your doctor?",
                "I disagree with your doctor's opinion", "My diagnosis", "Stable angina with single-vessel disease",
                "What I recommend", "About the recommended surgery", "I do not agree that surgery is needed",
                "Why my opinion differs", "Answers to your questions", "You asked: Is the operation necessary now?",
                "Not at this point.", "What to do next", "Records I reviewed", "Content SHA-256: " + hash)) {
            assertTrue(text.contains(expected), "PDF lacks '" + expected + "': " + text);
        }
    }

    @Test
    void anAgreeingReportHasNoLetter() {
        CaseScenario scenario = new CaseScenario(false).readyForReview();
        Map<String, Object> draft = new HashMap<>(scenario.completeDraft("AGREES"));
        draft.remove("differenceExplanation");
        draft.remove("surgeryConcurrence");
        CaseScenario.Draft issued = scenario.issueReport(draft);
        given().auth().oauth2(scenario.physicianToken()).get("/api/reports/" + issued.id()).then()
                .body("letters.size()", is(0)).body("latest.agreement", is("AGREES"));
    }

    @Test
    void anIssuedReportNeverChangesAndAmendmentsAreNewVersions() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft issued = scenario.issueReport(scenario.completeDraft("DISAGREES"));
        String reportPath = "/api/reports/" + issued.id();
        String v1Hash = given().auth().oauth2(scenario.physicianToken()).get(reportPath + "/versions/1").then().statusCode(200)
                .extract().jsonPath().getString("contentHash");

        given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON).header("If-Match", issued.etag())
                .body(Map.of("diagnosis", "Changed")).put(reportPath + "/draft").then().statusCode(409);
        given().auth().oauth2(scenario.physicianToken()).header("If-Match", issued.etag())
                .post(reportPath + "/issue").then().statusCode(409);

        Map<String, Object> corrected = new HashMap<>(scenario.completeDraft("AGREES_WITH_REFINEMENTS"));
        corrected.put("diagnosis", "Stable angina, single vessel, mild");
        given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON).header("If-Match", issued.etag())
                .body(Map.of("content", corrected)).post(reportPath + "/amendments").then().statusCode(400);
        Response amended = given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON)
                .header("If-Match", issued.etag())
                .body(Map.of("reason", "Refined the diagnosis after reviewing the stress test.", "content", corrected))
                .post(reportPath + "/amendments");
        amended.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(reportPath + "/versions/2"))
                .body("version", is(2))
                .body("kind", is("AMENDMENT"))
                .body("content.opinion.diagnosis", is("Stable angina, single vessel, mild"));

        // Version 1 is still readable and unchanged.
        given().auth().oauth2(scenario.patientToken()).get(reportPath + "/versions/1").then().statusCode(200)
                .body("contentHash", is(v1Hash))
                .body("content.opinion.diagnosis", is("Stable angina with single-vessel disease"));
        given().auth().oauth2(scenario.patientToken()).get(reportPath + "/versions").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(1, 2));
        String v1Text = Pdfs.text(given().auth().oauth2(scenario.patientToken()).get(reportPath + "/versions/1/pdf")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(v1Text.contains("Stable angina with single-vessel disease") && v1Text.contains(v1Hash), v1Text);
        String v2Text = Pdfs.text(given().auth().oauth2(scenario.patientToken()).get(reportPath + "/pdf")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(v2Text.contains("Version: 2 (amended)") && v2Text.contains("Refined the diagnosis"), v2Text);

        List<EventEnvelope<DomainEvent>> amendments = TestTopics.awaitEvents(Topics.REPORTS,
                e -> e.data() instanceof OpinionAmended a && a.caseId().equals(scenario.caseId), 1, Duration.ofSeconds(20));
        assertEquals(1, amendments.size());
        OpinionAmended event = (OpinionAmended) amendments.getFirst().data();
        assertEquals(2, event.version());
        assertEquals(1, event.previousVersion());
        assertEquals(AmendmentKind.AMENDMENT, event.kind());
        assertEquals(OpinionAgreement.AGREES_WITH_REFINEMENTS, event.agreement());
        assertEquals(amended.jsonPath().getString("contentHash"), event.contentHash());
        // The amended opinion still differs: a new letter for version 2.
        assertEquals(2, TestTopics.awaitEvents(Topics.REPORTS,
                e -> e.data() instanceof ProviderLetterIssued l && l.caseId().equals(scenario.caseId), 2, Duration.ofSeconds(20)).size());
        given().auth().oauth2(scenario.physicianToken()).get("/api/reviews/" + scenario.caseId).then()
                .body("state", is("OPINION_ISSUED")).body("reportId", is(issued.id()));
        given().auth().oauth2(scenario.physicianToken()).get(reportPath).then()
                .body("versions[0].kind", is("ORIGINAL")).body("latest.reason", notNullValue())
                .body("versions[1].kind", is("AMENDMENT")).body("latest.content.followUps.size()", is(0))
                .body("draft.agreement", is("AGREES_WITH_REFINEMENTS")).body("latest.content.reason", notNullValue())
                .body("firstIssuedAt", notNullValue()).body("letters[1].reportVersion", is(2))
                .body("latest.content.opinion.surgeryConcurrence", is(false)).body("latest.content.followUps[0]", nullValue());
    }
}
