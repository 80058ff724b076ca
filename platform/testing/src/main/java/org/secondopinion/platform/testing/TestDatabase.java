package org.secondopinion.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The CPU time the embedded server has used so far, in seconds: its postmaster's own and its ended
     * backends' (which the postmaster reaped), from {@code /proc}, plus its live processes'. For benchmarks: what
     * PostgreSQL's part of a request costs, beside the service's. -1 for an external server or where
     * {@code /proc} does not tell (the clock tick is taken as Linux's usual 100 Hz).
     */
    public static synchronized double serverCpuSeconds() {
        if (embedded == null) {
            return -1;
        }
        String port = " -p " + embedded.getPort() + " ";
        try {
            ProcessHandle postmaster = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("/postgres ") && (c + " ").contains(port)).orElse(false))
                    .findFirst().orElse(null);
            if (postmaster == null) {
                return -1;
            }
            String stat = Files.readString(Path.of("/proc", String.valueOf(postmaster.pid()), "stat"));
            // After the command's closing parenthesis: state is field 3, utime..cstime fields 14-17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double seconds = 0;
            for (int field = 14; field <= 17; field++) {
                seconds += Long.parseLong(fields[field - 3]) / 100.0;
            }
            for (ProcessHandle child : postmaster.children().toList()) {
                seconds += child.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
            }
            return seconds;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
