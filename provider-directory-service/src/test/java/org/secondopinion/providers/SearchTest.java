package org.secondopinion.providers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secondopinion.providers.TestDirectory.certification;
import static org.secondopinion.providers.TestDirectory.physician;
import static org.secondopinion.providers.TestDirectory.row;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

/**
 * Search and the clinic locator against known city pairs. The great-circle distances used here are the
 * published ones (mean Earth radius): New York to Los Angeles 3936 km, New York to Boston 306 km,
 * Chicago to Houston 1516 km, Chicago to New York 1144 km, Chicago to Boston 1366 km.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class SearchTest {

    static final String PATIENT = Tokens.patient("pat-search");

    @Test
    void clinicsNearAPointComeNearestFirstWithTheirDistance() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String nyc = TestDirectory.clinic("NYC " + tag, "New York", "NY", TestDirectory.NEW_YORK);
        String boston = TestDirectory.clinic("Boston " + tag, "Boston", "MA", TestDirectory.BOSTON);
        String chicago = TestDirectory.clinic("Chicago " + tag, "Chicago", "IL", TestDirectory.CHICAGO);
        String houston = TestDirectory.clinic("Houston " + tag, "Houston", "TX", TestDirectory.HOUSTON);
        String la = TestDirectory.clinic("LA " + tag, "Los Angeles", "CA", TestDirectory.LOS_ANGELES);
        // A radiation oncologist works at every one of them; nobody else in the tests does.
        TestDirectory.create(physician(TestDirectory.npi(), "radiation-oncology",
                Map.of("clinicIds", List.of(nyc, boston, chicago, houston, la))));

        JsonPath fromNyc = given().auth().oauth2(PATIENT)
                .queryParams(Map.of("lat", TestDirectory.NEW_YORK[0], "lon", TestDirectory.NEW_YORK[1], "radiusKm", 400, "size", 100))
                .get("/api/clinics").then().statusCode(200).extract().jsonPath();
        Map<String, Float> distances = distances(fromNyc);
        assertEquals(0.0, distances.get(nyc), 0.1);
        assertEquals(306.1, distances.get(boston), 1.0);
        assertEquals(null, distances.get(la), "Los Angeles is not within 400 km of New York");
        List<Float> all = fromNyc.getList("items.distanceKm", Float.class);
        assertEquals(all.stream().sorted().toList(), all, "nearest first");

        JsonPath fromChicago = given().auth().oauth2(PATIENT)
                .queryParams(Map.of("lat", TestDirectory.CHICAGO[0], "lon", TestDirectory.CHICAGO[1], "radiusKm", 2000,
                        "specialty", "radiation-oncology", "size", 100))
                .get("/api/clinics").then().statusCode(200).extract().jsonPath();
        List<String> ids = fromChicago.getList("items.id", String.class).stream()
                .filter(List.of(nyc, boston, chicago, houston, la)::contains).toList();
        assertEquals(List.of(chicago, nyc, boston, houston), ids, "nearest first; Los Angeles (2804 km) is outside 2000 km");
        Map<String, Float> fromChicagoKm = distances(fromChicago);
        assertEquals(1515.8, fromChicagoKm.get(houston), 2.0);
        assertEquals(1144.3, fromChicagoKm.get(nyc), 2.0);
        assertEquals(1365.6, fromChicagoKm.get(boston), 2.0);

        JsonPath fromLa = given().auth().oauth2(PATIENT)
                .queryParams(Map.of("lat", TestDirectory.LOS_ANGELES[0], "lon", TestDirectory.LOS_ANGELES[1], "radiusKm", 4000,
                        "specialty", "radiation-oncology", "size", 100))
                .get("/api/clinics").then().statusCode(200).extract().jsonPath();
        assertEquals(3935.8, distances(fromLa).get(nyc), 2.0);
    }

    @Test
    void physiciansAreFilteredSortedByDistanceOrRelevanceAndPaged() {
        String network = "NET-" + UUID.randomUUID();
        String nyc = TestDirectory.clinic("Psych NYC", "New York", "NY", TestDirectory.NEW_YORK);
        String boston = TestDirectory.clinic("Psych Boston", "Boston", "MA", TestDirectory.BOSTON);
        String la = TestDirectory.clinic("Psych LA", "Los Angeles", "CA", TestDirectory.LOS_ANGELES);
        String inNyc = TestDirectory.npi();
        String inBoston = TestDirectory.npi();
        String inLa = TestDirectory.npi();
        String board = "American Board of Psychiatry and Neurology";
        TestDirectory.create(physician(inNyc, "psychiatry", Map.of("clinicIds", List.of(nyc), "networks", List.of(network),
                "yearsInPractice", 3)));
        TestDirectory.create(physician(inBoston, "psychiatry", Map.of("clinicIds", List.of(boston), "networks", List.of(network),
                "languages", List.of("en", "es"), "hospitalAffiliations", List.of("Example General " + network))));
        TestDirectory.create(physician(inLa, "psychiatry", Map.of("clinicIds", List.of(la), "networks", List.of(network),
                "acceptingSecondOpinions", false, "yearsInPractice", 1,
                "boardCertifications", List.of(certification(board, "psychiatry", null, "CERTIFIED", LocalDate.now().plusYears(2))))));
        TestDirectory.importFeed("ABPN search feed", List.of(row(inLa, board, "psychiatry", null, "CERTIFIED", LocalDate.now().plusYears(2))));
        TestDirectory.verify(inLa);

        Map<String, Object> near = Map.of("network", network, "lat", TestDirectory.NEW_YORK[0], "lon", TestDirectory.NEW_YORK[1]);
        given().auth().oauth2(PATIENT).queryParams(near).get("/api/physicians").then().statusCode(200)
                .body("items.npi", contains(inNyc, inBoston, inLa))
                .body("total", is(3))
                .body("items[1].nearestClinic.city", is("Boston"))
                .body("items[2].verifiedCertifications", contains("psychiatry"));
        JsonPath distances = given().auth().oauth2(PATIENT).queryParams(near).get("/api/physicians").then().extract().jsonPath();
        assertEquals(306.1, distances.getFloat("items[1].distanceKm"), 1.0);
        assertEquals(3935.8, distances.getFloat("items[2].distanceKm"), 2.0);

        given().auth().oauth2(PATIENT).queryParams(near).queryParam("radiusKm", 500).get("/api/physicians").then()
                .body("items.npi", contains(inNyc, inBoston)).body("total", is(2));
        // With a specialty the search goes through the area index; the same physicians, distances and order.
        given().auth().oauth2(PATIENT).queryParams(near).queryParam("specialty", "psychiatry").get("/api/physicians").then()
                .body("items.npi", contains(inNyc, inBoston, inLa)).body("total", is(3))
                .body("items[1].distanceKm", is(306.1f));
        given().auth().oauth2(PATIENT).queryParams(near).queryParams(Map.of("specialty", "psychiatry", "radiusKm", 500))
                .get("/api/physicians").then()
                .body("items.npi", contains(inNyc, inBoston)).body("total", is(2));
        given().auth().oauth2(PATIENT).queryParams(near).queryParams(Map.of("specialty", "cardiology", "radiusKm", 5000))
                .get("/api/physicians").then()
                .body("total", is(0));
        given().auth().oauth2(PATIENT).queryParams(near).queryParam("language", "es").get("/api/physicians").then()
                .body("items.npi", contains(inBoston));
        given().auth().oauth2(PATIENT).queryParams(near).queryParam("accepting", true).get("/api/physicians").then()
                .body("items.npi", contains(inNyc, inBoston));
        given().auth().oauth2(PATIENT).queryParam("affiliation", "Example General " + network).get("/api/physicians").then()
                .body("items.npi", contains(inBoston));
        given().auth().oauth2(PATIENT).queryParams(near).queryParams(Map.of("size", 1, "page", 1)).get("/api/physicians").then()
                .body("items.npi", contains(inBoston)).body("total", is(3)).body("page", is(1));
        // Relevance: a verified certification first, then experience (Boston's default 10 years before New York's 3).
        given().auth().oauth2(PATIENT).queryParams(near).queryParam("sort", "relevance").get("/api/physicians").then()
                .body("items.npi", contains(inLa, inBoston, inNyc));
        given().auth().oauth2(PATIENT).queryParams(Map.of("network", network, "specialty", "psychiatry")).get("/api/physicians")
                .then().body("items.npi", contains(inLa, inBoston, inNyc)).body("items[0].distanceKm", is((Object) null));
    }

    @Test
    void inconsistentSearchesAreRefusedWithProblemDetails() {
        given().auth().oauth2(PATIENT).queryParam("radiusKm", 10).get("/api/physicians").then().statusCode(400);
        given().auth().oauth2(PATIENT).queryParam("sort", "distance").get("/api/physicians").then().statusCode(400);
        given().auth().oauth2(PATIENT).queryParams(Map.of("lat", 40, "lon", -70, "sort", "alphabet")).get("/api/physicians")
                .then().statusCode(400);
        given().auth().oauth2(PATIENT).queryParams(Map.of("lat", 95, "lon", -70)).get("/api/physicians").then().statusCode(400);
        given().auth().oauth2(PATIENT).queryParam("radiusKm", 10).get("/api/clinics").then().statusCode(400);
        given().queryParams(Map.of("lat", 40, "lon", -70)).get("/api/clinics").then().statusCode(401);
    }

    private static Map<String, Float> distances(JsonPath page) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().collect(Collectors.toMap(i -> (String) i.get("id"), i -> ((Number) i.get("distanceKm")).floatValue()));
    }
}
