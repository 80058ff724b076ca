package org.secondopinion.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.secondopinion.coverage.Fixtures.COORDINATOR;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestDatabase;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class InsurerManagementTest {

    @Test
    void anInsurerManagesItsOwnPlansAndMembersAndAnotherPayersAre404() throws Exception {
        String own = Fixtures.payer(false, null);
        String other = Fixtures.payer(false, null);
        String insurer = Tokens.insurer("acme-client", own);

        // its own payer's plan: created, read, changed with If-Match
        Map<String, Object> plan = Fixtures.plan(own, "ALWAYS");
        String planId = Fixtures.createPlan(plan, insurer);
        String etag = given().auth().oauth2(insurer).get("/api/plans/" + planId).then().statusCode(200)
                .body("benefit", is("ALWAYS")).extract().header("ETag");
        plan.put("benefit", "NOT_COVERED");
        given().auth().oauth2(insurer).contentType(ContentType.JSON).body(plan).put("/api/plans/" + planId).then().statusCode(428);
        given().auth().oauth2(insurer).contentType(ContentType.JSON).header("If-Match", etag).body(plan)
                .put("/api/plans/" + planId).then().statusCode(200).body("benefit", is("NOT_COVERED"));
        given().auth().oauth2(insurer).contentType(ContentType.JSON).header("If-Match", etag).body(plan)
                .put("/api/plans/" + planId).then().statusCode(412);

        // another payer's plan and members do not exist for it
        String otherPlan = Fixtures.createPlan(Fixtures.plan(other, "ALWAYS"));
        given().auth().oauth2(insurer).get("/api/plans/" + otherPlan).then().statusCode(404);
        given().auth().oauth2(insurer).contentType(ContentType.JSON).body(Fixtures.plan(other, "ALWAYS"))
                .post("/api/plans").then().statusCode(404);
        given().auth().oauth2(insurer).queryParam("payerId", other).get("/api/plans").then().statusCode(200).body("size()", is(0));
        given().auth().oauth2(insurer).get("/api/plans").then().statusCode(200).body("payerId", everyItem(is(own)));
        given().auth().oauth2(insurer).get("/api/payers/" + other).then().statusCode(404);

        String otherMemberLocation = given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(Fixtures.member(other, otherPlan, LocalDate.of(1970, 1, 1), LocalDate.of(2020, 1, 1), null))
                .post("/api/members").then().statusCode(201).extract().header("Location");
        given().auth().oauth2(insurer).get(otherMemberLocation).then().statusCode(404);
        given().auth().oauth2(insurer).contentType(ContentType.JSON)
                .body(Fixtures.member(other, otherPlan, LocalDate.of(1970, 1, 1), LocalDate.of(2020, 1, 1), null))
                .post("/api/members").then().statusCode(404);
        given().auth().oauth2(insurer).contentType("text/csv").queryParam("payerId", other)
                .body("member_id,plan_id,first_name,last_name,date_of_birth,coverage_start,coverage_end\n")
                .post("/api/members/roster").then().statusCode(404);
        // the refused read is audited
        String memberId = otherMemberLocation.substring(otherMemberLocation.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from audit_log where resource_id = ? and outcome = 'DENIED' and actor = 'acme-client'")) {
            s.setString(1, memberId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                org.junit.jupiter.api.Assertions.assertEquals(1, r.getInt(1));
            }
        }

        // its own member: created and found
        Map<String, Object> member = Fixtures.member(own, planId, LocalDate.of(1985, 5, 5), LocalDate.of(2024, 1, 1), null);
        given().auth().oauth2(insurer).contentType(ContentType.JSON).body(member).post("/api/members").then().statusCode(201);
        given().auth().oauth2(insurer).queryParam("memberId", member.get("memberId")).get("/api/members").then().statusCode(200)
                .body("size()", is(1)).body("[0].payerId", is(own));
        // a patient may not manage members
        given().auth().oauth2(Tokens.patient("pat-1")).contentType(ContentType.JSON).body(member).post("/api/members").then().statusCode(403);
    }

    @Test
    void aRosterImportKeepsTheGoodRowsAndReportsTheMalformedOnesByLine() {
        String payer = Fixtures.payer(false, null);
        String planId = Fixtures.createPlan(Fixtures.plan(payer, "ALWAYS"));
        String insurer = Tokens.insurer("roster-client", payer);
        String existing = Fixtures.activeMember(payer, planId);
        String a = Fixtures.unique("R");
        String b = Fixtures.unique("R");
        String csv = String.join("\n",
                "member_id,plan_id,first_name,last_name,date_of_birth,coverage_start,coverage_end",
                a + "," + planId + ",Ann,Rosterton,1979-02-03,2025-01-01,",
                b + ",NO-SUCH-PLAN,Bob,Rosterton,1979-02-03,2025-01-01,",
                "too,few,columns",
                existing + "," + planId + ",Jane,Testperson,1980-04-02,2025-01-01,2025-06-30",
                Fixtures.unique("R") + "," + planId + ",Cy,Rosterton,03/02/1979,2025-01-01,",
                Fixtures.unique("R") + "," + planId + ",Di,Rosterton,1979-02-03,2025-06-01,2025-01-01",
                a + "," + planId + ",Ann,Again,1979-02-03,2025-01-01,",
                "");
        given().auth().oauth2(insurer).contentType("text/csv").body(csv).post("/api/members/roster").then().statusCode(200)
                .body("created", is(1))
                .body("updated", is(1))
                .body("rejected.line", contains(3, 4, 6, 7, 8))
                .body("rejected[0].message", containsString("plan_id"))
                .body("rejected[2].message", containsString("date_of_birth"))
                .body("rejected.message", not(hasItem(containsString("Rosterton"))));

        // the imported member can check; the updated one's coverage ended
        Fixtures.check(Tokens.patient("pat-roster"), payer, a, "1979-02-03", "cardiology", false).then().statusCode(201)
                .body("outcome", is("COVERED"));
        Fixtures.check(Tokens.patient("pat-roster"), payer, existing, "1980-04-02", "cardiology", false).then().statusCode(201)
                .body("outcome", is("COVERAGE_INACTIVE"));

        given().auth().oauth2(insurer).contentType("text/csv").body("name,dob\nx,y\n").post("/api/members/roster").then().statusCode(400)
                .body("detail", containsString("header"));
    }

    @Test
    void onlyCoordinatorsManagePayersAndPrices() {
        given().auth().oauth2(Tokens.insurer("c", "ACME")).contentType(ContentType.JSON)
                .body(Map.of("id", "NEWPAYER", "name", "New", "answersThroughEvents", false)).post("/api/payers").then().statusCode(403);
        given().auth().oauth2(Tokens.patient("p")).contentType(ContentType.JSON)
                .body(Map.of("amount", 1, "currency", "USD")).put("/api/self-pay-prices/cardiology").then().statusCode(403);
        String specialty = Fixtures.specialtyWithPrice("100.00");
        String etag = given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("amount", "120.00", "currency", "USD")).put("/api/self-pay-prices/" + specialty).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("amount", "130.00", "currency", "USD")).put("/api/self-pay-prices/" + specialty).then().statusCode(428);
        given().auth().oauth2(Tokens.patient("p")).get("/api/self-pay-prices").then().statusCode(200)
                .body("findAll { it.specialtyCode == '" + specialty + "' }.price.amount", contains(120.0f));
        org.junit.jupiter.api.Assertions.assertEquals("\"1\"", etag);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("id", "x", "name", "", "answersThroughEvents", false)).post("/api/payers").then().statusCode(400);
    }
}
