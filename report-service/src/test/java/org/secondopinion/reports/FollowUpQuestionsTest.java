package org.secondopinion.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.OpinionAmended;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.AmendmentKind;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestTopics;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class FollowUpQuestionsTest {

    @Test
    void followUpQuestionsOnlyAfterIssueAndAtMostThree() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft draft = scenario.startReport(scenario.completeDraft("DISAGREES"));
        String path = "/api/reports/" + draft.id();
        given().auth().oauth2(scenario.patientToken()).contentType(ContentType.JSON).body(Map.of("text", "Too early?"))
                .post(path + "/follow-up-questions").then().statusCode(404);
        given().auth().oauth2(scenario.physicianToken()).header("If-Match", draft.etag()).post(path + "/issue").then().statusCode(200);

        for (int i = 1; i <= 3; i++) {
            given().auth().oauth2(scenario.patientToken()).contentType(ContentType.JSON).body(Map.of("text", "Question " + i))
                    .post(path + "/follow-up-questions").then().statusCode(201).body("answer", is((Object) null));
        }
        given().auth().oauth2(scenario.patientToken()).contentType(ContentType.JSON).body(Map.of("text", "Question 4"))
                .post(path + "/follow-up-questions").then().statusCode(409);
        given().auth().oauth2(scenario.patientToken()).contentType(ContentType.JSON).body(Map.of("text", " "))
                .post(path + "/follow-up-questions").then().statusCode(400);
        given().auth().oauth2(scenario.physicianToken()).get(path + "/follow-up-questions").then().statusCode(200)
                .body("size()", is(3));
    }

    @Test
    void thePhysiciansAnswersFormAnAddendumVersion() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft issued = scenario.issueReport(scenario.completeDraft("DISAGREES"));
        String path = "/api/reports/" + issued.id();
        String questionId = given().auth().oauth2(scenario.patientToken()).contentType(ContentType.JSON)
                .body(Map.of("text", "Can I keep cycling while on the medication?"))
                .post(path + "/follow-up-questions").then().statusCode(201).extract().jsonPath().getString("id");

        Map<String, Object> answers = Map.of("answers", List.of(Map.of("questionId", questionId,
                "answer", "Yes, at a gentle pace, and stop if the pain returns.")));
        given().auth().oauth2(scenario.patientToken()).contentType(ContentType.JSON).header("If-Match", issued.etag())
                .body(answers).post(path + "/addenda").then().statusCode(403);
        Response addendum = given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON)
                .header("If-Match", issued.etag()).body(answers).post(path + "/addenda");
        addendum.then().statusCode(201)
                .body("version", is(2))
                .body("kind", is("ADDENDUM"))
                .body("content.followUps[0].question", is("Can I keep cycling while on the medication?"))
                .body("content.opinion.diagnosis", is("Stable angina with single-vessel disease"));
        // Answering it again is refused: it is no longer open.
        given().auth().oauth2(scenario.physicianToken()).contentType(ContentType.JSON)
                .header("If-Match", addendum.header("ETag")).body(answers).post(path + "/addenda").then().statusCode(400);

        given().auth().oauth2(scenario.patientToken()).get(path + "/follow-up-questions").then().statusCode(200)
                .body("[0].answer", is("Yes, at a gentle pace, and stop if the pain returns."))
                .body("[0].answeredInVersion", is(2));
        String text = Pdfs.text(given().auth().oauth2(scenario.patientToken()).get(path + "/versions/2/pdf").then()
                .statusCode(200).extract().asByteArray());
        assertTrue(text.contains("Version: 2 (with addendum)") && text.contains("Your follow-up questions")
                && text.contains("Can I keep cycling while on the medication?") && text.contains("Yes, at a gentle pace"), text);

        List<EventEnvelope<DomainEvent>> events = TestTopics.awaitEvents(Topics.REPORTS,
                e -> e.data() instanceof OpinionAmended a && a.caseId().equals(scenario.caseId), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size());
        OpinionAmended event = (OpinionAmended) events.getFirst().data();
        assertEquals(AmendmentKind.ADDENDUM, event.kind());
        assertEquals(2, event.version());
        assertEquals(addendum.jsonPath().getString("contentHash"), event.contentHash());
    }
}
