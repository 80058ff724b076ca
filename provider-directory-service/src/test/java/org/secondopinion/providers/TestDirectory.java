package org.secondopinion.providers;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.secondopinion.platform.testing.Tokens;
import org.secondopinion.providers.domain.Npi;

/** Builds directory data through the API, as a coordinator would. Every NPI is random, so tests never collide. */
final class TestDirectory {

    static final String COORDINATOR = Tokens.coordinator("carol-" + ThreadLocalRandom.current().nextInt(1000));

    static final double[] CHICAGO = { 41.8781, -87.6298 };
    static final double[] MILWAUKEE = { 43.0389, -87.9065 };
    static final double[] LOS_ANGELES = { 34.0522, -118.2437 };
    static final double[] NEW_YORK = { 40.7128, -74.0060 };
    static final double[] BOSTON = { 42.3601, -71.0589 };
    static final double[] HOUSTON = { 29.7604, -95.3698 };

    private TestDirectory() {
    }

    /** A random valid NPI starting with 9, obviously not a real provider's. */
    static String npi() {
        return Npi.complete("9" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    static String clinic(String name, String city, String state, double[] point) {
        return given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("name", name, "city", city, "stateCode", state, "latitude", point[0], "longitude", point[1]))
                .post("/api/clinics").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> certification(String board, String specialty, String sub, String status, LocalDate validUntil) {
        Map<String, Object> c = new HashMap<>();
        c.put("board", board);
        c.put("specialtyCode", specialty);
        c.put("subSpecialtyCode", sub);
        c.put("status", status);
        c.put("certifiedSince", "2012-07-01");
        c.put("validUntil", validUntil == null ? null : validUntil.toString());
        return c;
    }

    /** A physician body with sensible defaults; {@code overrides} replace them. */
    static Map<String, Object> physician(String npi, String specialty, Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>();
        p.put("npi", npi);
        p.put("firstName", "Sam");
        p.put("lastName", "Test" + npi.substring(Math.max(0, npi.length() - 4)));
        p.put("specialties", List.of(specialty));
        p.put("subSpecialties", List.of());
        p.put("yearsInPractice", 10);
        p.put("languages", List.of("en"));
        p.put("licensedStates", List.of("IL"));
        p.put("acceptingSecondOpinions", true);
        p.put("requiredDocuments", List.of("MEDICAL_RECORDS"));
        p.put("boardCertifications", List.of());
        p.putAll(overrides);
        return p;
    }

    static void create(Map<String, Object> physician) {
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(physician)
                .post("/api/physicians").then().statusCode(201);
    }

    /** Imports feed rows (without header) and answers the import report as a map. */
    static Map<String, Object> importFeed(String source, List<String> rows) {
        String csv = "npi,board,specialty,sub_specialty,status,certified_since,valid_until\n" + String.join("\n", rows) + "\n";
        return given().auth().oauth2(COORDINATOR).contentType("text/csv").queryParam("source", source).body(csv)
                .post("/api/board-feeds").then().statusCode(200).extract().as(Map.class);
    }

    static String row(String npi, String board, String specialty, String sub, String status, LocalDate validUntil) {
        return String.join(",", npi, board, specialty, sub == null ? "" : sub, status, "2012-07-01",
                validUntil == null ? "" : validUntil.toString());
    }

    static List<Map<String, Object>> verify(String npi) {
        return new ArrayList<>(given().auth().oauth2(COORDINATOR).post("/api/physicians/" + npi + "/verifications")
                .then().statusCode(200).extract().jsonPath().getList("", Map.class).stream()
                .map(m -> (Map<String, Object>) m).toList());
    }
}
