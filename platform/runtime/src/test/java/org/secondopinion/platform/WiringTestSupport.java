package org.secondopinion.platform;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.secondopinion.platform.testing.TestDatabase;
import org.secondopinion.platform.testing.Tokens;

/** Small helpers shared by the wiring tests. */
final class WiringTestSupport {

    static final String PROBE_TOPIC = "smo.test.probe";
    static final String DEAD_LETTERS = "smo.dlq.platform-probe";

    private WiringTestSupport() {
    }

    static Response createNote(String patient, String text) {
        return given().auth().oauth2(Tokens.patient(patient)).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}")
                .post("/api/probe/notes");
    }

    /** Creates a note whose request fails after writing the note, its event and its audit record. */
    static Response failingNote(String patient, String text) {
        return given().auth().oauth2(Tokens.patient(patient)).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}")
                .post("/api/probe/notes?fail=true");
    }

    static UUID createdId(Response response) {
        return UUID.fromString(response.then().statusCode(201).extract().path("id"));
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
    }

    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
