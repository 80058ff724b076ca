package org.secondopinion.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class SecurityTest {

    @Test
    void noTokenIsUnauthorized() {
        given().get("/api/probe/coordinators-only").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("status", is(401));
    }

    @Test
    void theWrongRoleIsForbidden() {
        given().auth().oauth2(Tokens.patient("pat-sec-1")).get("/api/probe/coordinators-only").then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", is("Forbidden"));
        given().auth().oauth2(Tokens.coordinator("carol")).get("/api/probe/coordinators-only").then().statusCode(200);
    }

    @Test
    void aTamperedSignatureIsUnauthorized() {
        String forged = Tokens.tampered(Tokens.patient("pat-sec-2"));
        given().auth().oauth2(forged).get("/api/probe/coordinators-only").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        given().auth().oauth2(Tokens.expired("carol", "coordinator")).get("/api/probe/coordinators-only").then().statusCode(401);
    }

    @Test
    void aTokenAcceptedBeforeDoesNotMakeItsForgedCopyAccepted() {
        String token = Tokens.patient("pat-sec-3");
        given().auth().oauth2(token).get("/api/probe/whoami").then().statusCode(200);
        given().auth().oauth2(Tokens.tampered(token)).get("/api/probe/coordinators-only").then().statusCode(401);
        given().auth().oauth2(token).get("/api/probe/coordinators-only").then().statusCode(403);
    }

    @Test
    void aTokenAcceptedBeforeCountsOnlyAsABearerToken() {
        String token = Tokens.coordinator("carol-scheme");
        given().auth().oauth2(token).get("/api/probe/coordinators-only").then().statusCode(200);
        given().header("Authorization", "bearer " + token).get("/api/probe/coordinators-only").then().statusCode(200);
        given().header("Authorization", "Basic " + token).get("/api/probe/coordinators-only").then().statusCode(401);
        given().header("Authorization", "Bearer " + token + "x").get("/api/probe/coordinators-only").then().statusCode(401);
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() throws InterruptedException {
        String token = Tokens.expiringIn(Duration.ofSeconds(2), "carol", "coordinator");
        given().auth().oauth2(token).get("/api/probe/coordinators-only").then().statusCode(200);
        given().auth().oauth2(token).get("/api/probe/coordinators-only").then().statusCode(200);
        Thread.sleep(3_000);
        given().auth().oauth2(token).get("/api/probe/coordinators-only").then().statusCode(401);
    }

    @Test
    void anEndpointThatDeclaresNoRuleIsDenied() {
        given().get("/api/probe/undeclared").then().statusCode(401);
        given().auth().oauth2(Tokens.coordinator("carol")).get("/api/probe/undeclared").then().statusCode(403);
        given().get("/api/probe/public").then().statusCode(200).body(equalTo("open"));
    }

    @Test
    void theCallerCarriesSubjectRoleAndTheNpiOrPayerClaim() {
        String physician = Tokens.physician("dr-who", "1234567893");
        String insurer = Tokens.insurer("acme-client", "ACME");
        // The second time, the identity comes from the tokens verified before: it carries the same.
        for (int time = 1; time <= 2; time++) {
            given().auth().oauth2(physician).get("/api/probe/whoami").then()
                    .statusCode(200).body(equalTo("dr-who|physician|1234567893|-"));
            given().auth().oauth2(insurer).get("/api/probe/whoami").then()
                    .statusCode(200).body(equalTo("acme-client|insurer|-|ACME"));
        }
    }
}
