package org.secondopinion.cases.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.LoadRun;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TempDirectories;
import org.secondopinion.platform.testing.TestDatabase;
import org.secondopinion.platform.testing.Tokens;

/**
 * Throughput and latency of creating and submitting cases against the running service, and, in the same
 * run, what PostgreSQL alone does for the same inserts (case, outbox event, audit record) with pgbench.
 * The service is the packaged application in its own JVM (a {@code @QuarkusIntegrationTest}, started with
 * the production heap settings of the parent pom's {@code benchmark} profile), with real HTTP, signed
 * tokens, PostgreSQL and the outbox relaying to Kafka. It prints its figures and asserts nothing about
 * them: it is not a timed test, and the test command never runs it. Run it with
 * {@code ./mvnw verify -pl case-service -Pbenchmark}; settings {@code -Dbench.clients=8
 * -Dbench.seconds=20 -Dbench.warmup-seconds=540} (the JIT compiler needs minutes on two shared cores: its C2 tier still compiled
 * about a hundred methods a minute after four minutes of load, ten after eight).
 * pgbench must be on the PATH (Debian: postgresql-client); without it the PostgreSQL half is skipped
 * with a note.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class CaseBenchmark {

    static final Map<String, Object> DETAILS = Map.ofEntries(
            Map.entry("conditionDescription", "Synthetic knee pain for eight months"),
            Map.entry("area", Map.of("specialtyCode", "orthopaedic-surgery")),
            Map.entry("reasons", List.of("SURGERY_RECOMMENDED")),
            Map.entry("primaryProvider", Map.of("name", "Dr. Primary Synthetic", "npi", "1999999984",
                    "specialtyCode", "orthopaedic-surgery")),
            Map.entry("primaryDiagnosis", "Synthetic meniscus tear"),
            Map.entry("surgeryRecommended", true),
            Map.entry("questions", List.of("Is surgery needed now?")),
            Map.entry("clarificationSought", true),
            Map.entry("insurance", Map.of("payerId", "ACME", "memberId", "M-BENCH", "firstName", "Sam", "lastName", "Sample",
                    "dateOfBirth", "1980-04-02")),
            Map.entry("location", Map.of("stateCode", "MA")));

    /**
     * The service and pgbench take turns, twice: this machine's host changes its speed from minute to minute
     * (pgbench alone gave 2,500 to 4,100 transactions a second within an hour), so each share compares two
     * windows a few seconds apart.
     */
    static final int ROUNDS = 2;

    @Test
    void createAndSubmitCases() throws Exception {
        String body = new ObjectMapper().writeValueAsString(DETAILS);
        URI base = URI.create("http://localhost:" + RestAssured.port);
        LoadRun load = LoadRun.fromSystemProperties(540, 20);
        LoadRun.ScenarioFactory createAndSubmit = client -> {
            String token = Tokens.patient("bench-" + UUID.randomUUID());
            return http -> {
                LoadRun.Response created = http.send("create (POST /api/cases)",
                        LoadRun.Request.postJson("/api/cases", token, body).header("Idempotency-Key", UUID.randomUUID().toString()), 201);
                String location = created.header("Location");
                String id = location.substring(location.lastIndexOf('/') + 1);
                http.send("submit (POST /api/cases/{id}/submit)", LoadRun.Request.post("/api/cases/" + id + "/submit", token), 200);
            };
        };
        load.warmUp(base, createAndSubmit);
        List<LoadRun.Result> rounds = new ArrayList<>();
        List<PgBench> pgRounds = new ArrayList<>();
        StringBuilder out = new StringBuilder("\n==== case-service benchmark ====\n");
        out.append(String.format("case-service over HTTP (its own JVM: %s), %d clients; %d rounds of the service, each followed by"
                + " pgbench for as long doing the same inserts (case, outbox event, audit record) straight into the same PostgreSQL%n",
                System.getProperty("quarkus.test.arg-line", "default settings"), load.clients(), ROUNDS));
        for (int round = 1; round <= ROUNDS; round++) {
            TestDatabase.statements(); // starts the statements' figures afresh
            long walBefore = TestDatabase.walPosition();
            double serverCpuBefore = TestDatabase.serverCpuSeconds();
            LoadRun.Result result = load.measure(base, createAndSubmit);
            double serverCpuBetween = TestDatabase.serverCpuSeconds();
            long walBetween = TestDatabase.walPosition();
            List<TestDatabase.StatementFigures> serviceStatements = TestDatabase.statements();
            PgBench pg = pgbench(load.clients(), (int) Math.round(result.seconds()));
            double serverCpuAfter = TestDatabase.serverCpuSeconds();
            long walAfter = TestDatabase.walPosition();
            List<TestDatabase.StatementFigures> pgbenchStatements = TestDatabase.statements();
            rounds.add(result);
            out.append(String.format("round %d (%.0f s): %.0f cases/s = %.0f requests/s%n", round, result.seconds(),
                    result.iterationsPerSecond(), result.requestsPerSecond()));
            out.append(result.table());
            if (serverCpuBefore >= 0 && serverCpuBetween >= 0) {
                out.append(String.format("  PostgreSQL CPU: %.3f ms per request%n",
                        1000 * (serverCpuBetween - serverCpuBefore) / result.requests()));
            }
            out.append(String.format("  PostgreSQL's write-ahead log: %.0f bytes per request%n",
                    (double) (walBetween - walBefore) / result.requests()));
            out.append(statementTable(serviceStatements, result.requests(), "request"));
            if (pg != null) {
                pgRounds.add(pg);
                out.append(String.format("  pgbench: %.0f transactions/s; the service's requests/s are %.0f%% of it%n", pg.tps(),
                        100 * result.requestsPerSecond() / pg.tps()));
                out.append(LoadRun.line("pgbench transaction", pg.latencies()));
                if (serverCpuBetween >= 0 && serverCpuAfter >= 0) {
                    // The same server's CPU for one of pgbench's transactions: it rises and falls with the host's speed,
                    // so it tells a slow host from a slow service.
                    out.append(String.format("  PostgreSQL CPU: %.3f ms per pgbench transaction%n",
                            1000 * (serverCpuAfter - serverCpuBetween) / pg.latencies().length));
                }
                out.append(String.format("  PostgreSQL's write-ahead log: %.0f bytes per pgbench transaction%n",
                        (double) (walAfter - walBetween) / pg.latencies().length));
                out.append(statementTable(pgbenchStatements, pg.latencies().length, "pgbench transaction"));
            }
        }
        LoadRun.Result all = LoadRun.Result.combined(rounds);
        out.append(String.format("all rounds: %d cases created and submitted in %.1f s, %.0f requests/s (each a transaction: case,"
                + " stage, audit; submit adds the outbox event)%n", all.iterations(), all.seconds(), all.requestsPerSecond()));
        out.append(all.table());
        if (pgRounds.isEmpty()) {
            out.append("PostgreSQL alone: skipped (pgbench is not on the PATH)\n");
        } else {
            double tps = pgRounds.stream().mapToDouble(PgBench::tps).average().orElseThrow();
            out.append(String.format("PostgreSQL alone (pgbench, %d clients; one transaction = case + outbox event + audit record): %.0f"
                    + " transactions/s%n", load.clients(), tps));
            out.append(String.format("service requests/s as a share of PostgreSQL's transactions/s: %.0f%% (goal: at least 50%%)%n",
                    100 * all.requestsPerSecond() / tps));
        }
        out.append(String.format("p99 of any request: %.2f ms (goal: under 15 ms at 8 clients)%n", LoadRun.millis(all.all(), 0.99)));
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark.txt"), out.toString());
    }

    record PgBench(double tps, long[] latencies) {
    }

    /**
     * The statements PostgreSQL ran in one window, per request (or pgbench transaction), most execution time
     * first: where PostgreSQL's part of a request goes. Empty unless the server keeps statement statistics.
     */
    static String statementTable(List<TestDatabase.StatementFigures> statements, long requests, String per) {
        if (statements.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder(String.format(
                "  PostgreSQL's statements, per %s: %.3f ms executing, %.3f ms planning, %.0f bytes of write-ahead log%n",
                per, statements.stream().mapToDouble(TestDatabase.StatementFigures::execMillis).sum() / requests,
                statements.stream().mapToDouble(TestDatabase.StatementFigures::planMillis).sum() / requests,
                (double) statements.stream().mapToLong(TestDatabase.StatementFigures::walBytes).sum() / requests));
        table.append(String.format("    %8s %9s %9s %8s %8s  %s%n", "calls/" + per.charAt(0), "us/call", "us/" + per.charAt(0),
                "WAL B/" + per.charAt(0), "dirtied", "statement"));
        for (TestDatabase.StatementFigures s : statements.subList(0, Math.min(10, statements.size()))) {
            String query = s.query().replaceAll("\\s+", " ").trim();
            table.append(String.format("    %8.3f %9.1f %9.1f %8.0f %8d  %s%n", (double) s.calls() / requests,
                    1000 * s.execMillis() / Math.max(1, s.calls()), 1000 * s.execMillis() / requests,
                    (double) s.walBytes() / requests, s.blocksDirtied(), query.length() > 110 ? query.substring(0, 110) + "..." : query));
        }
        return table.toString();
    }

    /** The same inserts as creating a case and submitting it, straight into PostgreSQL. */
    private PgBench pgbench(int clients, int seconds) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("smo-pgbench");
        try {
            return pgbench(clients, seconds, dir);
        } finally {
            TempDirectories.delete(dir);
        }
    }

    private PgBench pgbench(int clients, int seconds, Path dir) throws IOException, InterruptedException {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(TestDatabase.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("Unexpected JDBC URL shape");
        }
        String details = new ObjectMapper().writeValueAsString(DETAILS);
        String payload = "{\"specversion\":\"1.0\",\"type\":\"case.submitted.v1\",\"data\":" + details + "}";
        // Outbox rows go in already sent, so that the running relay leaves them alone.
        String script = """
                BEGIN;
                INSERT INTO patient_case (id, patient_id, status, version, idempotency_key, details, created_at, updated_at)
                  VALUES (gen_random_uuid(), 'pgbench', 'SUBMITTED', 0, gen_random_uuid()::text, '%s', now(), now());
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, created_at, sent_at)
                  VALUES (gen_random_uuid(), 'smo.cases', 'pgbench', 'case.submitted.v1', '%s', now(), now());
                INSERT INTO audit_log (occurred_at, actor, actor_role, action, resource_type, resource_id, patient_id, outcome, request_id)
                  VALUES (now(), 'pgbench', 'patient', 'SUBMIT', 'case', 'pgbench', 'pgbench', 'SUCCESS', 'pgbench');
                END;
                """.formatted(details, payload);
        Path file = dir.resolve("case.sql");
        Files.writeString(file, script);
        List<String> command = List.of("pgbench", "-n", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                "-f", file.toString(), "-l", "--log-prefix=" + dir.resolve("tx"), "-h", url.group(1), "-p", url.group(2),
                "-U", TestDatabase.user(), url.group(3));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", TestDatabase.password());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return null;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No tps in pgbench's output:\n" + output);
        }
        List<Long> latencies = new ArrayList<>();
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("tx")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] fields = line.split(" ");
                    latencies.add(Long.parseLong(fields[2]) * 1000); // microseconds to nanoseconds
                }
            }
        }
        return new PgBench(Double.parseDouble(tps.group(1)), latencies.stream().mapToLong(Long::longValue).sorted().toArray());
    }
}
