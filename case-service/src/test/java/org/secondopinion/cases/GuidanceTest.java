package org.secondopinion.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.secondopinion.cases.CaseFixtures.as;
import static org.secondopinion.cases.CaseFixtures.newPatient;
import static org.secondopinion.cases.CaseFixtures.patient;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class GuidanceTest {

    @Test
    void surgeryRecommendedIsStronglyAdvisedWithClarificationFirst() {
        patient(newPatient()).body(Map.of("reasons", List.of("SURGERY_RECOMMENDED"), "askedPrimaryToClarify", false))
                .post("/api/guidance/assessment").then().statusCode(200)
                .body("strength", is("STRONGLY_ADVISED"))
                .body("summary", containsString("your right"))
                .body("why[0]", containsString("Surgery was recommended"))
                .body("nextSteps.code", contains("CLARIFY_WITH_PRIMARY", "CHECK_COVERAGE", "CHOOSE_PHYSICIAN",
                        "GATHER_RECORDS", "ASK_FOR_WRITTEN_REPORT"))
                .body("nextSteps.order", contains(1, 2, 3, 4, 5));
    }

    @Test
    void whoAlreadyAskedTheirPhysicianSkipsThatStepAndASubSpecialistIsSuggestedWhereRelevant() {
        patient(newPatient()).body(Map.of("reasons", List.of("PROVIDER_NOT_SPECIALISED", "CHRONIC_CONDITION"),
                        "askedPrimaryToClarify", true))
                .post("/api/guidance/assessment").then().statusCode(200)
                .body("strength", is("STRONGLY_ADVISED"))
                .body("why", hasSize(2))
                .body("nextSteps[0].code", is("CHECK_COVERAGE"))
                .body("nextSteps.find { it.code == 'CHOOSE_PHYSICIAN' }.detail", containsString("sub-specialist"))
                .body("nextSteps.find { it.code == 'CHOOSE_PHYSICIAN' }.detail", containsString("verified"));
    }

    @Test
    void theStrengthFollowsTheReasonsAndNeverRefuses() {
        var physician = as(Tokens.physician("dr-g", CaseFixtures.fakeNpi()));
        physician.body(Map.of("reasons", List.of("CHRONIC_CONDITION"))).post("/api/guidance/assessment").then()
                .statusCode(200).body("strength", is("ADVISED"));
        physician.body(Map.of("reasons", List.of("COMPLEX_CONDITION", "EXPENSIVE_CONDITION"))).post("/api/guidance/assessment")
                .then().body("strength", is("STRONGLY_ADVISED"));
        physician.body(Map.of("reasons", List.of("REASSURANCE"), "askedPrimaryToClarify", true))
                .post("/api/guidance/assessment").then().body("strength", is("YOUR_CHOICE"))
                .body("summary", containsString("your right"));
        physician.body(Map.of()).post("/api/guidance/assessment").then().statusCode(200)
                .body("strength", is("YOUR_CHOICE")).body("why", hasSize(1));
        physician.body(Map.of("reasons", List.of("BORED"))).post("/api/guidance/assessment").then().statusCode(400);
    }
}
