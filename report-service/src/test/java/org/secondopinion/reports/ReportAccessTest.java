package org.secondopinion.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class ReportAccessTest {

    @Test
    void anotherPhysicianCannotReadEditOrIssue() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft draft = scenario.startReport(scenario.completeDraft("DISAGREES"));
        String other = Tokens.physician("dr-intruder", CaseScenario.npi());
        String path = "/api/reports/" + draft.id();
        given().auth().oauth2(other).get(path).then().statusCode(404);
        given().auth().oauth2(other).get(path + "/status").then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).header("If-Match", draft.etag())
                .body(Map.of("diagnosis", "Something else")).put(path + "/draft").then().statusCode(404);
        given().auth().oauth2(other).header("If-Match", draft.etag()).post(path + "/issue").then().statusCode(404);
        given().auth().oauth2(other).get("/api/reports?caseId=" + scenario.caseId).then().statusCode(200).body("size()", is(0));
        // Nothing changed.
        given().auth().oauth2(scenario.physicianToken()).get(path).then().body("status", is("DRAFT"))
                .body("draft.diagnosis", is("Stable angina with single-vessel disease"));
    }

    @Test
    void thePatientNeverSeesADraftButReadsTheIssuedReport() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft draft = scenario.startReport(scenario.completeDraft("DISAGREES"));
        String path = "/api/reports/" + draft.id();
        String patient = scenario.patientToken();
        given().auth().oauth2(patient).get(path).then().statusCode(404);
        given().auth().oauth2(patient).get(path + "/pdf").then().statusCode(404);
        given().auth().oauth2(patient).get(path + "/versions").then().statusCode(404);
        given().auth().oauth2(patient).get(path + "/status").then().statusCode(200).body("status", is("DRAFT"));
        given().auth().oauth2(patient).contentType(ContentType.JSON).header("If-Match", draft.etag())
                .body(Map.of("diagnosis", "x")).put(path + "/draft").then().statusCode(403);

        String etag = given().auth().oauth2(scenario.physicianToken()).get(path).then().extract().header("ETag");
        given().auth().oauth2(scenario.physicianToken()).header("If-Match", etag).post(path + "/issue").then().statusCode(200);

        given().auth().oauth2(patient).get("/api/reports?caseId=" + scenario.caseId).then().statusCode(200)
                .body("[0].id", is(draft.id()));
        given().auth().oauth2(patient).get(path).then().statusCode(200)
                .body("status", is("ISSUED"))
                .body("$", hasKey("draft")).body("draft", is((Object) null))
                .body("latest.content.opinion.diagnosis", is("Stable angina with single-vessel disease"));
        given().auth().oauth2(patient).get(path + "/pdf").then().statusCode(200).contentType("application/pdf");

        // Another patient learns nothing, not even that the report exists.
        String stranger = Tokens.patient("patient-stranger");
        given().auth().oauth2(stranger).get(path).then().statusCode(404);
        given().auth().oauth2(stranger).get(path + "/status").then().statusCode(404);
        given().auth().oauth2(stranger).get(path + "/pdf").then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/reports?caseId=" + scenario.caseId).then().body("size()", is(0));
    }

    @Test
    void aCoordinatorSeesStatusAndDatesButNoText() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft issued = scenario.issueReport(scenario.completeDraft("DISAGREES"));
        String path = "/api/reports/" + issued.id();
        String coordinator = Tokens.coordinator("carol");
        String status = given().auth().oauth2(coordinator).get(path + "/status").then().statusCode(200)
                .body("status", is("ISSUED"))
                .body("reviewState", is("OPINION_ISSUED"))
                .body("currentVersion", is(1))
                .body("versions[0].kind", is("ORIGINAL"))
                .body("$", not(hasKey("latest")))
                .extract().asString();
        assertFalse(status.contains("angina"), status);
        assertFalse(status.contains("Not at this point"), status);
        given().auth().oauth2(coordinator).get("/api/reports?caseId=" + scenario.caseId).then().statusCode(200)
                .body("[0].status", is("ISSUED"));
        given().auth().oauth2(coordinator).get(path).then().statusCode(403);
        given().auth().oauth2(coordinator).get(path + "/pdf").then().statusCode(403);
        given().auth().oauth2(coordinator).get(path + "/versions/1").then().statusCode(403);
        given().auth().oauth2(coordinator).get("/api/reviews/" + scenario.caseId).then().statusCode(403);
    }

    @Test
    void thePatientListsWhoAccessedTheirReport() {
        CaseScenario scenario = new CaseScenario().readyForReview();
        CaseScenario.Draft issued = scenario.issueReport(scenario.completeDraft("DISAGREES"));
        String path = "/api/reports/" + issued.id();
        given().auth().oauth2(scenario.physicianToken()).get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.physician("dr-curious", CaseScenario.npi())).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.coordinator("carol")).get(path + "/status").then().statusCode(200);
        given().auth().oauth2(scenario.patientToken()).get(path + "/pdf").then().statusCode(200);

        List<Map<String, Object>> log = given().auth().oauth2(scenario.patientToken()).get("/api/reports/access-log")
                .then().statusCode(200)
                .body("actor", hasItem(scenario.physicianSubject))
                .body("actor", hasItem("dr-curious"))
                .body("actor", hasItem("carol"))
                .extract().jsonPath().getList("$");
        assertTrue(log.stream().anyMatch(e -> "dr-curious".equals(e.get("actor")) && "DENIED".equals(e.get("outcome"))), log.toString());
        assertTrue(log.stream().anyMatch(e -> "carol".equals(e.get("actor")) && "READ_STATUS".equals(e.get("action"))), log.toString());
        assertTrue(log.stream().anyMatch(e -> scenario.physicianSubject.equals(e.get("actor")) && "ISSUE".equals(e.get("action"))), log.toString());
        assertTrue(log.stream().anyMatch(e -> scenario.patient.equals(e.get("actor")) && "DOWNLOAD_PDF".equals(e.get("action"))), log.toString());
        // Only the patient's own log: another patient sees none of it.
        given().auth().oauth2(Tokens.patient("patient-nosy")).get("/api/reports/access-log").then().statusCode(200)
                .body("resourceId", not(hasItem(issued.id())));
        given().auth().oauth2(Tokens.coordinator("carol")).get("/api/reports/access-log").then().statusCode(403);
    }
}
