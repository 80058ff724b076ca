package org.secondopinion.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * PostgreSQL for the local stack.
 *
 * <p>Embedded ({@code postgres}): the zonky binaries (PostgreSQL 17) on {@code SMO_PG_DATA} (initialised once, kept
 * between runs) and port {@code SMO_PG_PORT} (5432), listening on localhost only; binaries are unpacked into
 * {@code SMO_PG_BINARIES}. The superuser {@code postgres} is trusted from this machine; the services' roles log in
 * with a password (SCRAM), as they do in Kubernetes.
 *
 * <p>External ({@code provision-postgres}): {@code SMO_PG_HOST}, {@code SMO_PG_PORT} (5432), an administrator
 * {@code SMO_PG_ADMIN_USER} (postgres) with {@code SMO_PG_ADMIN_PASSWORD} who may create roles and databases.
 *
 * <p>Either way each service gets a role (login, password set on every start, sent hashed) owning its database.
 */
final class LocalPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

    private LocalPostgres() {
    }

    static AutoCloseable start(List<Env.Database> databases) throws IOException, SQLException {
        Path data = Path.of(Env.required("SMO_PG_DATA")).toAbsolutePath();
        int port = Env.port("SMO_PG_PORT", 5432);
        boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
        Files.createDirectories(data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectoryCustomizer(LocalPostgres::writeHba)
                .setServerConfig("listen_addresses", "localhost")
                // A development database: a crash may lose the last moments of commits, never corrupt the data.
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("shared_buffers", "32MB")
                .setServerConfig("max_connections", "120")
                // No health data in logs: no statement text, no DETAIL lines (which can quote row values).
                .setServerConfig("log_min_error_statement", "panic")
                .setServerConfig("log_error_verbosity", "terse")
                .setServerConfig("log_min_messages", "warning")
                .setServerConfig("log_connections", "off")
                .setServerConfig("log_statement", "none");
        Optional<Path> binaries = Env.optional("SMO_PG_BINARIES").map(Path::of);
        if (binaries.isPresent()) {
            removeIncompleteBinaries(binaries.get());
            builder.setOverrideWorkingDirectory(binaries.get().toFile());
        }
        LOG.info("PostgreSQL: {} data directory {}, port {}", fresh ? "initialising" : "reusing", data, port);
        EmbeddedPostgres postgres = builder.start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            provision(admin, databases);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        LOG.info("PostgreSQL ready on localhost:{}", port);
        return () -> {
            LOG.info("PostgreSQL: stopping");
            postgres.close();
        };
    }

    static void provisionExternal(List<Env.Database> databases) throws SQLException {
        String host = Env.required("SMO_PG_HOST");
        int port = Env.port("SMO_PG_PORT", 5432);
        Properties props = new Properties();
        props.setProperty("user", Env.optional("SMO_PG_ADMIN_USER").orElse("postgres"));
        props.setProperty("password", Env.optional("SMO_PG_ADMIN_PASSWORD").orElse(""));
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", props)) {
            provision(admin, databases);
        }
        LOG.info("PostgreSQL at {}:{} provisioned", host, port);
    }

    /** Creates each service's role and database when missing and (re)sets the role's password. */
    private static void provision(Connection admin, List<Env.Database> databases) throws SQLException {
        admin.setAutoCommit(true);
        for (Env.Database db : databases) {
            try (Statement statement = admin.createStatement()) {
                if (!exists(admin, "select 1 from pg_roles where rolname = ?", db.role())) {
                    statement.execute("CREATE ROLE " + db.role() + " LOGIN");
                    LOG.info("PostgreSQL: created role {}", db.role());
                }
                // Sent as a SCRAM verifier, so the password itself never reaches the server's logs.
                admin.unwrap(PGConnection.class).alterUserPassword(db.role(), db.password().toCharArray(), "scram-sha-256");
                if (!exists(admin, "select 1 from pg_database where datname = ?", db.name())) {
                    statement.execute("CREATE DATABASE " + db.name() + " OWNER " + db.role() + " ENCODING 'UTF8'");
                    LOG.info("PostgreSQL: created database {} owned by {}", db.name(), db.role());
                }
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Binaries whose unpacking was interrupted (a stop during the first start) lack zonky's {@code .exists} marker;
     * zonky would fail on them, so they are removed and unpacked again.
     */
    private static void removeIncompleteBinaries(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> children = Files.list(directory)) {
            for (Path dir : children.filter(p -> p.getFileName().toString().startsWith("PG-")).toList()) {
                if (!Files.exists(dir.resolve(".exists"))) {
                    LOG.info("PostgreSQL: removing incompletely unpacked binaries {}", dir);
                    try (Stream<Path> tree = Files.walk(dir)) {
                        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(path);
                        }
                    }
                }
            }
        }
    }

    /** Only local connections: the superuser without a password, every other role with SCRAM. */
    private static void writeHba(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), """
                    # Written by the local stack (deploy/local): connections from this machine only.
                    local all postgres                trust
                    host  all postgres 127.0.0.1/32   trust
                    host  all postgres ::1/128        trust
                    local all all                     scram-sha-256
                    host  all all      127.0.0.1/32   scram-sha-256
                    host  all all      ::1/128        scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
