package org.secondopinion.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    @Test
    void theApiDocumentDescribesTheInsurerFacingEndpointsWithExamples() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/eligibility-checks"))
                .body("paths", hasKey("/api/members/roster"))
                .body("paths", hasKey("/api/plans/{id}"))
                .body("paths.'/api/eligibility-checks'.post.requestBody.content.'application/json'.examples", hasKey("check"))
                .body("paths.'/api/eligibility-checks'.post.responses.'201'.content.'application/json'.examples", hasKey("member not found"))
                .body("paths.'/api/members/roster'.post.requestBody.content.'text/csv'.examples.roster.value", containsString("member_id"))
                .body("paths.'/api/eligibility-checks'.post.requestBody.content.'application/json'.examples.check.value.payerId", notNullValue())
                .body("paths.'/api/eligibility-checks'.post.responses.'201'.content.'application/json'.examples",
                        hasKey("pending with an insurer that answers through events"))
                .body("paths.'/api/members/roster'.post.responses.'200'.content.'application/json'.examples.result.value.rejected[0].line",
                        notNullValue())
                .body("paths.'/api/members/{id}'.get.responses.'200'.content.'application/json'.examples", hasKey("member"))
                .body("paths.'/api/plans/{id}'.get.responses.'200'.content.'application/json'.examples.plan.value.benefit",
                        notNullValue())
                .body("paths.'/api/plans'.post.tags[0]", containsString("Plans"));
    }
}
