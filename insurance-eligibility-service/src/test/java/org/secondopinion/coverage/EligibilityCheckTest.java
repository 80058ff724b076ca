package org.secondopinion.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secondopinion.coverage.Fixtures.COORDINATOR;
import static org.secondopinion.coverage.Fixtures.check;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class EligibilityCheckTest {

    static final String DOB = "1980-04-02";

    @Test
    void alwaysCoveredPlanAnswersCoveredWithCopayPriorAuthorisationAndNetworks() {
        String payer = Fixtures.payer(false, null);
        Map<String, Object> plan = Fixtures.plan(payer, "ALWAYS");
        plan.put("copay", 25.00);
        plan.put("priorAuthorizationRequired", true);
        plan.put("networks", List.of("NET-A", "NET-B"));
        plan.put("inNetworkOnly", true);
        String member = Fixtures.activeMember(payer, Fixtures.createPlan(plan));
        String specialty = Fixtures.specialtyWithPrice("450.00");
        String patient = Tokens.patient(Fixtures.unique("pat-"));

        Response created = check(patient, payer, member, DOB, specialty, false);
        created.then().statusCode(201)
                .header("Location", containsString("/api/eligibility-checks/"))
                .body("outcome", is("COVERED"))
                .body("finalDetermination", is(true))
                .body("rule", is("benefit-always"))
                .body("planId", is(plan.get("id")))
                .body("copay.amount", equalTo(25.0f))
                .body("copay.currency", is("USD"))
                .body("coinsurancePercent", nullValue())
                .body("priorAuthorizationRequired", is(true))
                .body("networks", contains("NET-A", "NET-B"))
                .body("inNetworkOnly", is(true))
                .body("selfPayEstimate.amount", equalTo(450.0f))
                .body("reasons", hasItem("You pay a copay of USD 25.00."))
                .body("inputs.memberId", is(member))
                .body("inputs.specialtyCode", is(specialty));

        // kept with its inputs and rule: the patient reads it back
        String location = created.header("Location");
        given().auth().oauth2(patient).get(location).then().statusCode(200)
                .body("outcome", is("COVERED")).body("rule", is("benefit-always")).body("inputs.dateOfBirth", is(DOB));
    }

    @Test
    void coinsurancePlanReportsItsShare() {
        String payer = Fixtures.payer(false, null);
        Map<String, Object> plan = Fixtures.plan(payer, "ALWAYS");
        plan.put("coinsurancePercent", 20);
        String member = Fixtures.activeMember(payer, Fixtures.createPlan(plan));
        check(Tokens.patient("pat-coins"), payer, member, DOB, "cardiology", false).then().statusCode(201)
                .body("outcome", is("COVERED")).body("coinsurancePercent", equalTo(20.0f)).body("copay", nullValue())
                .body("reasons", hasItem("You pay 20% coinsurance."));
    }

    @Test
    void surgeryOnlyPlanCoversOnlyWhenSurgeryWasRecommended() {
        String payer = Fixtures.payer(false, null);
        String member = Fixtures.activeMember(payer, Fixtures.createPlan(Fixtures.plan(payer, "SURGERY_RECOMMENDED")));
        String specialty = Fixtures.specialtyWithPrice("380.00");
        String patient = Tokens.patient("pat-surgery");

        check(patient, payer, member, DOB, specialty, true).then().statusCode(201)
                .body("outcome", is("COVERED")).body("rule", is("benefit-surgery-recommended"));
        check(patient, payer, member, DOB, specialty, false).then().statusCode(201)
                .body("outcome", is("NOT_COVERED"))
                .body("rule", is("benefit-surgery-only"))
                .body("reasons[0]", containsString("only when your doctor recommended surgery"))
                .body("selfPayEstimate.amount", equalTo(380.0f))
                .body("selfPayEstimate.currency", is("USD"));
    }

    @Test
    void listedSpecialtiesPlanCoversOnlyThoseSpecialties() {
        String payer = Fixtures.payer(false, null);
        Map<String, Object> plan = Fixtures.plan(payer, "LISTED_SPECIALTIES");
        plan.put("coveredSpecialties", List.of("oncology", "cardiology"));
        String member = Fixtures.activeMember(payer, Fixtures.createPlan(plan));
        String dermatology = Fixtures.specialtyWithPrice("200.00");
        String patient = Tokens.patient("pat-listed");

        check(patient, payer, member, DOB, "oncology", false).then().statusCode(201)
                .body("outcome", is("COVERED")).body("rule", is("benefit-listed-specialty"));
        check(patient, payer, member, DOB, dermatology, true).then().statusCode(201)
                .body("outcome", is("NOT_COVERED")).body("rule", is("benefit-specialty-not-listed"))
                .body("reasons[0]", containsString("oncology, cardiology"))
                .body("selfPayEstimate.amount", equalTo(200.0f));
    }

    @Test
    void planWithoutTheBenefitIsNotCovered() {
        String payer = Fixtures.payer(false, null);
        String member = Fixtures.activeMember(payer, Fixtures.createPlan(Fixtures.plan(payer, "NOT_COVERED")));
        String specialty = Fixtures.specialtyWithPrice("510.00");
        check(Tokens.patient("pat-none"), payer, member, DOB, specialty, true).then().statusCode(201)
                .body("outcome", is("NOT_COVERED")).body("rule", is("benefit-not-covered"))
                .body("reasons[0]", is("Your plan does not cover second opinions."))
                .body("reasons[1]", containsString("USD 510.00"))
                .body("selfPayEstimate.amount", equalTo(510.0f))
                .body("copay", nullValue()).body("networks.size()", is(0));
    }

    @Test
    void memberNotFoundDoesNotRevealWhetherTheIdOrTheDateOfBirthWasWrong() {
        String payer = Fixtures.payer(false, null);
        String member = Fixtures.activeMember(payer, Fixtures.createPlan(Fixtures.plan(payer, "ALWAYS")));
        String specialty = Fixtures.specialtyWithPrice("300.00");
        String patient = Tokens.patient("pat-mismatch");

        Response wrongDob = check(patient, payer, member, "1980-04-03", specialty, false);
        Response wrongId = check(patient, payer, member + "X", DOB, specialty, false);
        for (Response r : List.of(wrongDob, wrongId)) {
            r.then().statusCode(201).body("outcome", is("MEMBER_NOT_FOUND")).body("rule", is("member-mismatch"))
                    .body("planId", nullValue()).body("selfPayEstimate.amount", equalTo(300.0f));
        }
        assertEquals(wrongDob.jsonPath().getList("reasons"), wrongId.jsonPath().getList("reasons"),
                "the same words whichever did not match");
    }

    @Test
    void coverageInactiveBeforeItStartsAndAfterItEnds() {
        String payer = Fixtures.payer(false, null);
        String planId = Fixtures.createPlan(Fixtures.plan(payer, "ALWAYS"));
        Map<String, Object> ended = Fixtures.member(payer, planId, LocalDate.parse(DOB), LocalDate.now().minusYears(2),
                LocalDate.now().minusDays(1));
        Map<String, Object> future = Fixtures.member(payer, planId, LocalDate.parse(DOB), LocalDate.now().plusDays(10), null);
        for (Map<String, Object> m : List.of(ended, future)) {
            given().auth().oauth2(COORDINATOR).contentType("application/json").body(m).post("/api/members").then().statusCode(201);
            check(Tokens.patient("pat-inactive"), payer, (String) m.get("memberId"), DOB, "cardiology", false).then().statusCode(201)
                    .body("outcome", is("COVERAGE_INACTIVE")).body("rule", is("coverage-inactive"))
                    .body("reasons[0]", containsString("not active on " + LocalDate.now()));
        }
    }

    @Test
    void anEventAnsweringPayerNeedsTheMembersNameAndAnUnknownPayerIsRefused() {
        String eventPayer = Fixtures.payer(true, null);
        check(Tokens.patient("pat-x"), eventPayer, "M1", DOB, "cardiology", false).then().statusCode(400)
                .body("detail", containsString("firstName and lastName"));
        check(Tokens.patient("pat-x"), "NOPE" + Fixtures.unique(""), "M1", DOB, "cardiology", false).then().statusCode(400)
                .body("detail", containsString("is not known"));
    }

    @Test
    void badInputIsRefusedWithProblemDetails() {
        given().auth().oauth2(Tokens.patient("pat-bad")).contentType("application/json")
                .body(Map.of("payerId", "ACME", "memberId", "M1", "specialtyCode", "cardiology", "surgeryRecommended", true))
                .post("/api/eligibility-checks").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem(containsString("dateOfBirth")));
    }

    @Test
    void aPatientSeesOnlyTheirOwnChecksAndInsurersOnlyTheirPayers() {
        String payer = Fixtures.payer(false, null);
        String member = Fixtures.activeMember(payer, Fixtures.createPlan(Fixtures.plan(payer, "ALWAYS")));
        String owner = Tokens.patient(Fixtures.unique("pat-"));
        String location = check(owner, payer, member, DOB, "cardiology", false).then().statusCode(201).extract().header("Location");

        given().auth().oauth2(Tokens.patient(Fixtures.unique("pat-"))).get(location).then().statusCode(404);
        given().auth().oauth2(Tokens.insurer("other-client", "OTHER" + Fixtures.unique(""))).get(location).then().statusCode(404);
        given().auth().oauth2(Tokens.insurer("own-client", payer)).get(location).then().statusCode(200).body("outcome", is("COVERED"));
        given().auth().oauth2(COORDINATOR).get(location).then().statusCode(200).body("id", notNullValue());
        given().auth().oauth2(owner).get("/api/eligibility-checks").then().statusCode(200)
                .body("total", is(1)).body("items.size()", is(1)).body("items[0].inputs.payerId", is(payer));
        // Paged like every list: past the last page nothing, the total still there; a bad size is a 400.
        given().auth().oauth2(owner).get("/api/eligibility-checks?page=1&size=1").then().statusCode(200)
                .body("total", is(1)).body("items.size()", is(0));
        given().auth().oauth2(owner).get("/api/eligibility-checks?size=0").then().statusCode(400);
        given().get(location).then().statusCode(401);
        given().auth().oauth2(Tokens.physician("doc", "1234567893")).contentType("application/json").body("{}")
                .post("/api/eligibility-checks").then().statusCode(403);
    }
}
