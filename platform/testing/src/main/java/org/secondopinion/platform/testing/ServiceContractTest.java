package org.secondopinion.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service promises operations, checked against the running service: it is live and
 * ready with its database, its schema was migrated by Flyway (platform tables first), it serves its
 * OpenAPI document and Prometheus metrics, and it runs with the platform's security defaults.
 * Each service's tests extend it once.
 */
public abstract class ServiceContractTest {

    @Test
    void liveAndReadyWithItsDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void schemaIsMigratedByFlyway() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                ResultSet rows = connection.createStatement().executeQuery(
                        "select version from flyway_schema_history where success order by installed_rank")) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        }
        assertEquals(List.of("0.1", "0.2", "0.3"), applied.subList(0, 3), "platform migrations run first");
        assertTrue(applied.contains("1"), "the service's own migrations ran: " + applied);
    }

    @Test
    void servesItsApiDocumentAndMetrics() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", notNullValue())
                .body("info.title", containsString("API"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("smo_outbox_sent_total"));
    }

    @Test
    void runsWithThePlatformSecurityDefaults() {
        var config = ConfigProvider.getConfig();
        assertTrue(config.getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class),
                "endpoints without an access rule must be denied");
        assertTrue(config.getValue("quarkus.jackson.fail-on-unknown-properties", Boolean.class),
                "unknown JSON properties must be refused");
        assertEquals("validate", config.getValue("quarkus.hibernate-orm.schema-management.strategy", String.class));
    }
}
