package org.secondopinion.coverage;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.platform.testing.Tokens;

/** Test data made through the API as a coordinator would, unique per test (the tests share one database). */
final class Fixtures {

    static final String COORDINATOR = Tokens.coordinator("carol");

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String payer(boolean answersThroughEvents, Integer timeoutSeconds) {
        String id = unique("P");
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Payer " + id);
        body.put("answersThroughEvents", answersThroughEvents);
        body.put("inquiryTimeoutSeconds", timeoutSeconds);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(body).post("/api/payers").then().statusCode(201);
        return id;
    }

    static Map<String, Object> plan(String payerId, String benefit) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", unique("PL-"));
        body.put("payerId", payerId);
        body.put("name", "Plan " + benefit);
        body.put("benefit", benefit);
        body.put("coveredSpecialties", List.of());
        body.put("copay", null);
        body.put("coinsurancePercent", null);
        body.put("currency", "USD");
        body.put("priorAuthorizationRequired", false);
        body.put("networks", List.of());
        body.put("inNetworkOnly", false);
        body.put("yearlyLimit", null);
        return body;
    }

    static String createPlan(Map<String, Object> plan) {
        return createPlan(plan, COORDINATOR);
    }

    static String createPlan(Map<String, Object> plan, String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(plan).post("/api/plans").then().statusCode(201);
        return (String) plan.get("id");
    }

    static Map<String, Object> member(String payerId, String planId, LocalDate dob, LocalDate start, LocalDate end) {
        Map<String, Object> body = new HashMap<>();
        body.put("payerId", payerId);
        body.put("memberId", unique("M"));
        body.put("planId", planId);
        body.put("firstName", "Jane");
        body.put("lastName", "Testperson");
        body.put("dateOfBirth", dob.toString());
        body.put("coverageStart", start.toString());
        body.put("coverageEnd", end == null ? null : end.toString());
        return body;
    }

    /** Creates an active member (since last year, open-ended) born on 1980-04-02; returns the member id. */
    static String activeMember(String payerId, String planId) {
        Map<String, Object> member = member(payerId, planId, LocalDate.of(1980, 4, 2), LocalDate.now().minusYears(1), null);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(member).post("/api/members").then().statusCode(201);
        return (String) member.get("memberId");
    }

    static String specialtyWithPrice(String amount) {
        String specialty = unique("spec-").toLowerCase();
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "currency", "USD"))
                .put("/api/self-pay-prices/" + specialty).then().statusCode(200);
        return specialty;
    }

    static Response check(String token, String payerId, String memberId, String dob, String specialty, boolean surgery) {
        Map<String, Object> body = new HashMap<>();
        body.put("payerId", payerId);
        body.put("memberId", memberId);
        body.put("dateOfBirth", dob);
        body.put("specialtyCode", specialty);
        body.put("surgeryRecommended", surgery);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/eligibility-checks");
    }

    static CaseSubmitted caseSubmitted(String caseId, String patientId, CaseSubmitted.Insurance insurance, String specialty,
            boolean surgery) {
        return new CaseSubmitted(caseId, patientId, insurance, new MedicalArea(specialty, null), List.of(),
                "Synthetic condition description", new PrimaryProvider("Dr. Primary Example", "1234567893", specialty, null, "Example Practice", null),
                "Synthetic diagnosis", surgery ? "Synthetic surgery" : null, surgery, false, List.of(),
                new CaseSubmitted.PatientLocation("MA", null, null), null, List.of(), List.of(), null, Instant.now());
    }

    static CaseSubmitted.Insurance insurance(String payerId, String memberId, String lastName, LocalDate dob) {
        return new CaseSubmitted.Insurance(payerId, memberId, null, "Jane", lastName, dob);
    }
}
