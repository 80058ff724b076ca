package org.secondopinion.cases;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;

/** The published API document describes every endpoint, with a summary, a tag and examples. */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

    /** Operations whose success has no body to show an example of (204, or the document's own bytes). */
    static final Set<String> NO_BODY = Set.of("POST /api/cases/{id}/decline", "DELETE /api/cases/{caseId}/documents/{documentId}",
            "GET /api/cases/{caseId}/documents/{documentId}/content");

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointIsDescribedWithExamples() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            String name = method.toUpperCase() + " " + path;
            operations.add(name);
            assertNotNull(operation.get("summary"), name + " has a summary");
            assertFalse(((List<String>) operation.get("tags")).isEmpty(), name + " is tagged");
            assertTrue(operation.get("description") != null, name + " says who may call it");
            if (!NO_BODY.contains(name)) {
                assertTrue(operation.toString().contains("examples="), name + " has an example");
            }
        }));
        assertEquals(new TreeSet<>(Set.of(
                "POST /api/guidance/assessment",
                "GET /api/cases", "POST /api/cases", "GET /api/cases/overdue",
                "GET /api/cases/{id}", "PUT /api/cases/{id}", "POST /api/cases/{id}/submit", "POST /api/cases/{id}/cancel",
                "GET /api/cases/{id}/options", "POST /api/cases/{id}/selection", "POST /api/cases/{id}/document-requests",
                "POST /api/cases/{id}/decline", "POST /api/cases/{id}/decision", "GET /api/cases/{id}/timeline",
                "GET /api/cases/{id}/access-log",
                "GET /api/cases/{caseId}/documents", "POST /api/cases/{caseId}/documents",
                "GET /api/cases/{caseId}/documents/{documentId}/content",
                "DELETE /api/cases/{caseId}/documents/{documentId}")), operations);
    }
}
