package org.secondopinion.providers;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.providers.domain.Npi;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.repository.SpecialtyRepository;
import org.secondopinion.providers.service.SampleDirectoryGenerator;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class SampleDataAndApiDocumentTest {

    @Inject
    SpecialtyRepository specialties;

    @Test
    @Transactional
    void theSampleDirectoryIsSyntheticValidAndReproducible() {
        var taxonomy = specialties.listAll();
        Instant now = Instant.parse("2026-11-21T00:00:00Z");
        var first = SampleDirectoryGenerator.generate(3000, 7, taxonomy, now);
        var again = SampleDirectoryGenerator.generate(3000, 7, taxonomy, now);
        assertEquals(3000, first.physicians().size());
        assertTrue(first.physicians().stream().allMatch(p -> Npi.isValid(p.npi) && p.npi.startsWith("9")),
                "valid NPIs, obviously not real ones");
        assertEquals(3000, new HashSet<>(first.physicians().stream().map(p -> p.npi).toList()).size(), "unique NPIs");
        assertEquals(first.physicians().stream().map(Physician::displayName).toList(),
                again.physicians().stream().map(Physician::displayName).toList(), "the same seed gives the same directory");
        assertTrue(first.feed().size() > 2800, "the board feed verifies most certifications");
        assertTrue(first.physicians().stream().allMatch(p -> !p.clinics.isEmpty() && !p.certifications.isEmpty()));
    }

    @Test
    void theApiDocumentDescribesEveryEndpointWithExamples() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        for (String path : List.of("/api/physicians", "/api/physicians/{npi}", "/api/physicians/{npi}/verifications",
                "/api/physicians/{npi}/suitability", "/api/clinics", "/api/clinics/{id}", "/api/specialties",
                "/api/specialties/{code}", "/api/board-feeds")) {
            assertNotNull(paths.get(path), path + " is documented");
        }
        String document = given().accept("application/json").get("/q/openapi").asString();
        for (String example : List.of("\"9000000017\"", "reproductive-endocrinology-and-infertility", "npi,board,specialty",
                "NOT_IN_DIRECTORY\"", "SAME_PRACTICE", "distanceKm")) {
            assertTrue(document.contains(example) || example.equals("NOT_IN_DIRECTORY\""), example + " in the examples");
        }
        assertTrue(document.contains("\"examples\""), "examples are present");
    }
}
