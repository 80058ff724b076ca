package org.secondopinion.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secondopinion.platform.WiringTestSupport.count;
import static org.secondopinion.platform.WiringTestSupport.createNote;
import static org.secondopinion.platform.WiringTestSupport.createdId;
import static org.secondopinion.platform.WiringTestSupport.failingNote;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class ProblemDetailsTest {

    private static final String PATIENT = "pat-problems";

    @Test
    void malformedJsonIsABadRequestAndChangesNothing() throws Exception {
        long before = count("select count(*) from probe_note");
        given().auth().oauth2(Tokens.patient(PATIENT)).contentType(ContentType.JSON).body("{\"text\": \"unterminated")
                .post("/api/probe/notes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("title", is("Malformed JSON"))
                .body("requestId", not(equalTo(null)));
        assertEquals(before, count("select count(*) from probe_note"));
    }

    @Test
    void aJsonBodyLargerThanTheOnesReadAheadIsStillReadWhole() {
        // Bodies up to 64 KiB are read on the I/O thread; a larger one is streamed, and validated all the same.
        String text = "x".repeat(70_000);
        given().auth().oauth2(Tokens.patient(PATIENT)).contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
                .post("/api/probe/notes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("text"));
    }

    @Test
    void anUnknownPropertyIsNamed() {
        given().auth().oauth2(Tokens.patient(PATIENT)).contentType(ContentType.JSON).body("{\"text\":\"ok\",\"diagnosis\":\"x\"}")
                .post("/api/probe/notes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("diagnosis"))
                .body("errors.message", hasItem("unknown property"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        given().auth().oauth2(Tokens.patient(PATIENT)).contentType(ContentType.JSON).body("{\"text\":[\"a\",\"b\"]}")
                .post("/api/probe/notes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("text"))
                .body("errors.message", hasItem("wrong type or format"));
    }

    @Test
    void everyInvalidFieldIsListedWithWhy() {
        given().auth().oauth2(Tokens.patient(PATIENT)).contentType(ContentType.JSON).body("{\"text\":\"  \",\"npi\":\"12ab\"}")
                .post("/api/probe/notes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("text", "npi"))
                .body("errors.message", hasItem("must be 10 digits"));
    }

    @Test
    void aMissingResourceIsNotFound() {
        given().auth().oauth2(Tokens.patient(PATIENT)).get("/api/probe/notes/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", is("Not found"));
        given().auth().oauth2(Tokens.patient(PATIENT)).get("/api/probe/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndAMissingOneIsRequired() {
        UUID id = createdId(createNote(PATIENT, "version zero"));
        String etag = given().auth().oauth2(Tokens.patient(PATIENT)).get("/api/probe/notes/" + id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(Tokens.patient(PATIENT)).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"text\":\"version one\"}").put("/api/probe/notes/" + id).then().statusCode(200).body("version", is(1));
        given().auth().oauth2(Tokens.patient(PATIENT)).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"text\":\"lost update\"}").put("/api/probe/notes/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.patient(PATIENT)).contentType(ContentType.JSON)
                .body("{\"text\":\"blind update\"}").put("/api/probe/notes/" + id).then().statusCode(428);
        given().auth().oauth2(Tokens.patient(PATIENT)).get("/api/probe/notes/" + id).then().body("text", is("version one"));
    }

    @Test
    void anInvalidTransitionIsAConflict() {
        given().auth().oauth2(Tokens.patient(PATIENT)).post("/api/probe/notes/" + UUID.randomUUID() + "/archive").then()
                .statusCode(409).contentType("application/problem+json").body("status", is(409));
    }

    @Test
    void anUnexpectedErrorRevealsNothing() {
        failingNote(PATIENT, "secret diagnosis").then().statusCode(500)
                .contentType("application/problem+json")
                .body(not(containsString("secret diagnosis")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at org.")));
    }

    @Test
    void theRequestIdIsEchoed() {
        given().auth().oauth2(Tokens.patient(PATIENT)).header("X-Request-Id", "support-ticket-42")
                .get("/api/probe/notes/" + UUID.randomUUID()).then().statusCode(404)
                .header("X-Request-Id", "support-ticket-42")
                .body("requestId", is("support-ticket-42"));
    }
}
