package org.secondopinion.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secondopinion.coverage.Fixtures.COORDINATOR;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.secondopinion.coverage.service.DemoDataSeeder;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

/**
 * The local stack's sample data (demo data contract), seeded by calling the seeder directly: the
 * configuration switch stays off in tests. The sample only adds ids no other test uses (ACME, BEACON,
 * ACME-GOLD) and prices of real specialty codes, which other tests do not assert.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class DemoDataSeedTest {

    @Inject
    DemoDataSeeder seeder;

    @Test
    void aliceIsCoveredByAcmeAndBobByBeaconThroughTheSimulatedInsurerAndASecondSeedChangesNothing() {
        seeder.seed();
        String planTag = given().auth().oauth2(COORDINATOR).get("/api/plans/ACME-GOLD").then().statusCode(200).extract().header("ETag");

        DemoDataSeeder.Seeded again = seeder.seed();
        assertEquals(0, again.total(), "a restart with the sample present adds nothing");
        given().auth().oauth2(COORDINATOR).get("/api/plans/ACME-GOLD").then().statusCode(200).header("ETag", planTag);
        given().auth().oauth2(COORDINATOR).queryParam("payerId", "ACME").queryParam("memberId", "ACME-100234").get("/api/members")
                .then().statusCode(200).body("size()", is(1)).body("[0].lastName", is("Anderson"));

        given().auth().oauth2(Tokens.patient("alice-sub")).get("/api/payers").then().statusCode(200)
                .body("findAll { it.id == 'ACME' || it.id == 'BEACON' }.name", contains("Acme Health", "Beacon Mutual"))
                .body("find { it.id == 'BEACON' }.answersThroughEvents", is(true));
        given().auth().oauth2(Tokens.patient("alice-sub")).get("/api/self-pay-prices").then().statusCode(200)
                .body("specialtyCode", hasItems("orthopaedic-surgery", "cardiology", "urology"))
                .body("find { it.specialtyCode == 'orthopaedic-surgery' }.price.amount", equalTo(650.0f));

        // alice: the demo case's insurance, answered from ACME's rules
        String alice = Tokens.patient(Fixtures.unique("alice-"));
        Fixtures.check(alice, "ACME", "ACME-100234", "1984-05-12", "orthopaedic-surgery", true).then().statusCode(201)
                .body("outcome", is("COVERED")).body("rule", is("benefit-always"))
                .body("planId", is("ACME-GOLD")).body("planName", is("Acme Gold PPO"))
                .body("copay.amount", equalTo(40.0f)).body("copay.currency", is("USD")).body("coinsurancePercent", nullValue())
                .body("priorAuthorizationRequired", is(false))
                .body("networks", contains("ACME-PPO")).body("inNetworkOnly", is(false))
                .body("selfPayEstimate.amount", equalTo(650.0f));

        // bob: BEACON answers through events; the simulator's member file has him
        Map<String, Object> body = new HashMap<>();
        body.put("payerId", "BEACON");
        body.put("memberId", "BEACON-552019");
        body.put("firstName", "Bob");
        body.put("lastName", "Baker");
        body.put("dateOfBirth", "1979-09-30");
        body.put("specialtyCode", "orthopaedic-surgery");
        body.put("surgeryRecommended", true);
        String bob = Tokens.patient(Fixtures.unique("bob-"));
        String location = given().auth().oauth2(bob).contentType(ContentType.JSON).body(body).post("/api/eligibility-checks")
                .then().statusCode(201).body("outcome", is("PENDING_INSURER")).body("traceNumber", notNullValue())
                .extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(bob).get(location).then()
                .statusCode(200).body("outcome", is("COVERED")).body("rule", is("insurer-covered"))
                .body("coinsurancePercent", equalTo(20.0f)).body("copay", nullValue())
                .body("priorAuthorizationRequired", is(true)).body("networks", is(List.of("BEACON-CHOICE"))));
    }
}
