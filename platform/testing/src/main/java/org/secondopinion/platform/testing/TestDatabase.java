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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Real PostgreSQL for tests: the embedded binaries from Maven (no Docker), started once per test JVM;
 * or the external server named by {@code SMO_TEST_JDBC_URL} (with {@code SMO_TEST_DB_USER} and
 * {@code SMO_TEST_DB_PASSWORD}).
 */
public final class TestDatabase {

    /**
     * Whether the embedded server keeps per-statement figures ({@code pg_stat_statements}; system property
     * {@code smo.test.db.statement-statistics}, set by the benchmark profile): see {@link #statements()}.
     */
    private static final boolean STATEMENT_STATISTICS = Boolean.getBoolean("smo.test.db.statement-statistics");

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
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (STATEMENT_STATISTICS) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres started = builder.start();
            if (STATEMENT_STATISTICS) {
                try (Connection connection = started.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("create extension if not exists pg_stat_statements");
                }
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be created", e);
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

    /**
     * What the embedded server did per statement since the last call (cumulative figures from
     * {@code pg_stat_statements}, which the call then resets), most execution time first: for benchmarks, to
     * see which statements a request's share of PostgreSQL goes to. Empty when the server keeps no
     * statement statistics (see {@link #STATEMENT_STATISTICS}) or is external.
     */
    public static synchronized List<StatementFigures> statements() {
        if (embedded == null || !STATEMENT_STATISTICS) {
            return List.of();
        }
        List<StatementFigures> figures = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("""
                    select query, calls, total_exec_time, total_plan_time, rows, shared_blks_dirtied, wal_records, wal_bytes
                    from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc""")) {
                while (rows.next()) {
                    figures.add(new StatementFigures(rows.getString(1), rows.getLong(2), rows.getDouble(3), rows.getDouble(4),
                            rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getBigDecimal(8).longValue()));
                }
            }
            statement.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be read", e);
        }
        return figures;
    }

    /** The server's write-ahead log position in bytes: what it wrote between two calls, vacuum's and commits' included. */
    public static long walPosition() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select (pg_current_wal_lsn() - '0/0')::bigint")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The write-ahead log's position could not be read", e);
        }
    }

    /** One statement's figures from {@code pg_stat_statements}; times in milliseconds. */
    public record StatementFigures(String query, long calls, double execMillis, double planMillis, long rows,
            long blocksDirtied, long walRecords, long walBytes) {
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
