package org.secondopinion.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.RecordsCompleted;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestDatabase;
import org.secondopinion.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class ReviewWorklistTest {

    @Test
    void theWorklistShowsWhatTheReviewerNeeds() {
        CaseScenario scenario = new CaseScenario();
        Instant due = scenario.selectedAt.plus(7, ChronoUnit.DAYS);
        CaseScenario.send(scenario.submitted());
        CaseScenario.send(scenario.selected());
        scenario.awaitReviewState("AWAITING_RECORDS");
        CaseScenario.send(scenario.recordsCompleted(scenario.selectedAt.plus(2, ChronoUnit.HOURS), due));
        scenario.awaitReviewState("READY_FOR_REVIEW");

        given().auth().oauth2(scenario.physicianToken()).get("/api/reviews").then().statusCode(200)
                .body("items.find { it.caseId == '" + scenario.caseId + "' }.state", is("READY_FOR_REVIEW"))
                .body("items.find { it.caseId == '" + scenario.caseId + "' }.dueAt", is(due.toString()));

        given().auth().oauth2(scenario.physicianToken()).get("/api/reviews/" + scenario.caseId).then().statusCode(200)
                .body("conditionDescription", is("Chest pain when climbing stairs"))
                .body("reasons", contains("SURGERY_RECOMMENDED"))
                .body("primaryDiagnosis", is("Stable angina"))
                .body("recommendedTreatment", is("Coronary bypass surgery"))
                .body("surgeryRecommended", is(true))
                .body("primaryProvider.npi", is(scenario.primaryNpi))
                .body("questions.questionId", contains("q1", "q2"))
                .body("documents[0].documentId", is(scenario.imaging.documentId()))
                .body("documents[0].type", is("IMAGING"))
                .body("documents[0].sha256", is(scenario.imaging.sha256()))
                .body("documents[0].downloadUrl", endsWith("/api/cases/" + scenario.caseId + "/documents/"
                        + scenario.imaging.documentId() + "/content"));
    }

    @Test
    void outOfOrderAndDuplicateEventsEndInTheSameReview() {
        CaseScenario scenario = new CaseScenario();
        Instant completed = scenario.selectedAt.plus(2, ChronoUnit.HOURS);
        Instant due = scenario.selectedAt.plus(7, ChronoUnit.DAYS);
        EventEnvelope<DomainEvent> records = CaseScenario.envelope(scenario.recordsCompleted(completed, due));
        EventEnvelope<DomainEvent> selected = CaseScenario.envelope(scenario.selected());
        // Records before the selection, the selection twice, and the submission last.
        CaseScenario.send(records);
        CaseScenario.send(selected);
        CaseScenario.send(selected);
        CaseScenario.send(records);
        CaseScenario.send(scenario.submitted());
        scenario.awaitReviewState("READY_FOR_REVIEW");

        given().auth().oauth2(scenario.physicianToken()).get("/api/reviews/" + scenario.caseId).then().statusCode(200)
                .body("dueAt", is(due.toString()))
                .body("submittedAt", is(scenario.submittedAt.toString()))
                .body("conditionDescription", is("Chest pain when climbing stairs"))
                .body("documents.size()", is(1));

        // The redelivered selection was applied once: the patient's access log shows one entry for it.
        // (RecordsCompleted arrived before anything named the patient, so its entry carries no patient.)
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> actions = given().auth().oauth2(scenario.patientToken()).get("/api/reports/access-log")
                    .then().statusCode(200).extract().jsonPath().getList("action", String.class);
            assertEquals(1, actions.stream().filter("APPLY_PHYSICIAN_SELECTED"::equals).count(), actions.toString());
            assertEquals(1, actions.stream().filter("APPLY_CASE_SUBMITTED"::equals).count(), actions.toString());
        });
    }

    @Test
    void aLaterRequestForDocumentsPausesTheReviewUntilTheRecordsAreCompleteAgain() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        Instant requested = scenario.selectedAt.plus(1, ChronoUnit.DAYS);
        CaseScenario.send(scenario.documentsRequested(requested));
        scenario.awaitReviewState("AWAITING_DOCUMENTS");

        // An old RecordsCompleted arriving late does not end the wait...
        CaseScenario.send(scenario.recordsCompleted(scenario.selectedAt.plus(1, ChronoUnit.HOURS), scenario.plannedDue));
        // ...a newer one does, and its due time counts.
        Instant newDue = requested.plus(5, ChronoUnit.DAYS);
        CaseScenario.send(scenario.recordsCompleted(requested.plus(3, ChronoUnit.HOURS), newDue));
        scenario.awaitReviewState("READY_FOR_REVIEW");
        given().auth().oauth2(scenario.physicianToken()).get("/api/reviews/" + scenario.caseId).then()
                .body("dueAt", is(newDue.toString()));
    }

    @Test
    void anotherPhysicianNeitherListsNorReadsTheReview() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        String other = Tokens.physician("dr-other", CaseScenario.npi());
        given().auth().oauth2(other).get("/api/reviews").then().statusCode(200)
                .body("items.caseId", not(hasItem(scenario.caseId)));
        given().auth().oauth2(other).get("/api/reviews/" + scenario.caseId).then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(scenario.completeDraft("AGREES"))
                .post("/api/reviews/" + scenario.caseId + "/report").then().statusCode(404);
        given().auth().oauth2(scenario.patientToken()).get("/api/reviews").then().statusCode(403);
        given().get("/api/reviews").then().statusCode(401);
    }

    @Test
    void aCancelledCaseShowsAsCancelledAndCannotBeReported() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft draft = scenario.startReport(scenario.completeDraft("DISAGREES"));
        CaseScenario.send(scenario.cancelled());
        scenario.awaitReviewState("CANCELLED");
        given().auth().oauth2(scenario.physicianToken()).header("If-Match", draft.etag())
                .post("/api/reports/" + draft.id() + "/issue").then().statusCode(409)
                .body("title", equalTo("Conflict"));
        given().auth().oauth2(scenario.physicianToken()).get("/api/reports/" + draft.id()).then()
                .body("status", is("DRAFT"));

        CaseScenario other = new CaseScenario().readyForReview();
        CaseScenario.send(other.cancelled());
        other.awaitReviewState("CANCELLED");
        given().auth().oauth2(other.physicianToken()).contentType(ContentType.JSON).body(other.completeDraft("AGREES"))
                .post("/api/reviews/" + other.caseId + "/report").then().statusCode(409);
    }

    @Test
    void aPhysicianWhoDeclinedLosesTheReviewAndTheirDraftAndTheNextPhysicianStartsAfresh() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft draft = scenario.startReport(scenario.completeDraft("DISAGREES"));
        Instant declinedAt = scenario.selectedAt.plus(3, ChronoUnit.HOURS);
        EventEnvelope<DomainEvent> declined = CaseScenario.envelope(scenario.declined(declinedAt));
        CaseScenario.send(declined);
        CaseScenario.send(declined);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(scenario.physicianToken()).get("/api/reviews/" + scenario.caseId).statusCode() == 404);
        given().auth().oauth2(scenario.physicianToken()).get("/api/reviews").then().statusCode(200)
                .body("items.caseId", not(hasItem(scenario.caseId)));
        // The draft is gone: it can be neither read nor issued.
        given().auth().oauth2(scenario.physicianToken()).get("/api/reports/" + draft.id()).then().statusCode(404);
        given().auth().oauth2(scenario.physicianToken()).header("If-Match", draft.etag())
                .post("/api/reports/" + draft.id() + "/issue").then().statusCode(404);
        // The first selection, delivered again late, does not give the case back to the physician who declined.
        CaseScenario.send(scenario.selected());

        String next = CaseScenario.npi();
        String nextToken = Tokens.physician("dr-next", next);
        Instant reselected = declinedAt.plus(1, ChronoUnit.HOURS);
        CaseScenario.send(scenario.selectedAnother(next, reselected));
        CaseScenario.send(new RecordsCompleted(scenario.caseId, next, List.of(scenario.imaging),
                reselected.plus(5, ChronoUnit.DAYS), reselected.plus(1, ChronoUnit.MINUTES)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().auth().oauth2(nextToken).get("/api/reviews/" + scenario.caseId);
            return response.statusCode() == 200 && "READY_FOR_REVIEW".equals(response.jsonPath().getString("state"));
        });
        given().auth().oauth2(scenario.physicianToken()).get("/api/reviews/" + scenario.caseId).then().statusCode(404);
        given().auth().oauth2(nextToken).contentType(ContentType.JSON).body(scenario.completeDraft("AGREES"))
                .post("/api/reviews/" + scenario.caseId + "/report").then().statusCode(201);
    }

    @Test
    void anIssuedOpinionStandsWhenItsPhysicianDeclinedMeanwhileAndAnotherWasSelected() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft issued = scenario.issueReport("DISAGREES");
        // The decline crossed the opinion: case-service let the patient choose again before it saw the opinion.
        Instant declinedAt = Instant.now();
        CaseScenario.send(scenario.declined(declinedAt));
        String next = CaseScenario.npi();
        EventEnvelope<DomainEvent> reselected = CaseScenario.envelope(scenario.selectedAnother(next,
                declinedAt.plus(1, ChronoUnit.MINUTES)));
        CaseScenario.send(reselected);
        TestDatabase.awaitConsumed(reselected.id());

        given().auth().oauth2(Tokens.physician("dr-next", next)).get("/api/reviews/" + scenario.caseId).then()
                .statusCode(404);
        given().auth().oauth2(scenario.physicianToken()).get("/api/reviews/" + scenario.caseId).then().statusCode(200);
        given().auth().oauth2(scenario.physicianToken()).get("/api/reports/" + issued.id()).then().statusCode(200)
                .body("status", is("ISSUED"));
    }

    @Test
    void theWorklistComesInPagesSoonestDueFirstAndFiltersByState() {
        String npi = CaseScenario.npi();
        String subject = "dr-" + UUID.randomUUID();
        CaseScenario later = new CaseScenario(npi, subject);
        CaseScenario sooner = new CaseScenario(npi, subject);
        CaseScenario waiting = new CaseScenario(npi, subject);
        for (CaseScenario scenario : List.of(later, sooner, waiting)) {
            CaseScenario.send(scenario.submitted());
            CaseScenario.send(scenario.selected());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CaseScenario.send(later.recordsCompleted(now, now.plus(6, ChronoUnit.DAYS)));
        CaseScenario.send(sooner.recordsCompleted(now, now.plus(2, ChronoUnit.DAYS)));
        later.awaitReviewState("READY_FOR_REVIEW");
        sooner.awaitReviewState("READY_FOR_REVIEW");
        waiting.awaitReviewState("AWAITING_RECORDS");
        String token = later.physicianToken();

        given().auth().oauth2(token).queryParam("size", 2).get("/api/reviews").then().statusCode(200)
                .body("total", is(3)).body("page", is(0)).body("size", is(2))
                .body("items.caseId", contains(sooner.caseId, later.caseId));
        given().auth().oauth2(token).queryParam("size", 2).queryParam("page", 1).get("/api/reviews").then()
                .statusCode(200).body("items.caseId", contains(waiting.caseId));
        given().auth().oauth2(token).queryParam("state", "ready_for_review").get("/api/reviews").then().statusCode(200)
                .body("total", is(2)).body("items.caseId", contains(sooner.caseId, later.caseId));
        given().auth().oauth2(token).queryParam("state", "AWAITING_RECORDS").get("/api/reviews").then()
                .body("items.caseId", contains(waiting.caseId));

        given().auth().oauth2(token).queryParam("state", "SOMEDAY").get("/api/reviews").then().statusCode(400)
                .body("errors[0].field", is("state"));
        given().auth().oauth2(token).queryParam("size", 0).get("/api/reviews").then().statusCode(400);
        given().auth().oauth2(token).queryParam("size", 101).get("/api/reviews").then().statusCode(400);
    }
}
