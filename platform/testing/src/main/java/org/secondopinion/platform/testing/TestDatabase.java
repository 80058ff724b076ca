package org.secondopinion.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Real PostgreSQL for tests: the embedded binaries from Maven (no Docker), started once per test JVM;
 * or the external server named by {@code SMO_TEST_JDBC_URL} (with {@code SMO_TEST_DB_USER} and
 * {@code SMO_TEST_DB_PASSWORD}).
 */
public final class TestDatabase {

    private static EmbeddedPostgres embedded;
    private static String jdbcUrl;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    static synchronized Map<String, String> start() {
        if (jdbcUrl == null) {
            String external = System.getenv("SMO_TEST_JDBC_URL");
            if (external != null && !external.isBlank()) {
                jdbcUrl = external;
                user = envOr("SMO_TEST_DB_USER", "postgres");
                password = envOr("SMO_TEST_DB_PASSWORD", "");
            } else {
                embedded = Retry.starting("Embedded PostgreSQL", TestDatabase::startEmbedded);
                jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = "postgres";
            }
        }
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            // fsync off: tests prove behaviour, not durability, and run several times faster. The server
            // gets a minute to accept connections (10 s by default) while another module's tests load the machine.
            return EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    public static String jdbcUrl() {
        return jdbcUrl;
    }

    public static String user() {
        return user;
    }

    public static String password() {
        return password;
    }

    /** Waits until the service under test has consumed an event: its id is in the inbox, committed with its effect. */
    public static void awaitConsumed(UUID eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                    PreparedStatement statement = connection.prepareStatement("select 1 from inbox_event where event_id = ?")) {
                statement.setObject(1, eventId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    static synchronized void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // The JVM is ending; a leftover temporary directory is harmless.
            }
            embedded = null;
            jdbcUrl = null;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
