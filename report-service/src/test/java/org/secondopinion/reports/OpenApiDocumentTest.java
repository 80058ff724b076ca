package org.secondopinion.reports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointIsDescribedTaggedAndHasAnExample() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> operations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !path.startsWith("/api/")) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            operations.add(name);
            if (operation.get("summary") == null || operation.get("tags") == null) {
                problems.add(name + ": no summary or tag");
            }
            String json = operation.toString();
            if (!json.contains("examples") && !json.contains("application/pdf")) {
                problems.add(name + ": no example");
            }
            if (operation.get("security") == null) {
                problems.add(name + ": no security requirement");
            }
        }));
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(18, operations.size(), operations.toString());
    }
}
