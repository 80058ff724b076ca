package org.secondopinion.cases.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestDatabase;
import org.secondopinion.platform.testing.Tokens;

/**
 * Throughput and latency of creating and submitting cases against the running service (real HTTP,
 * signed tokens, PostgreSQL, the outbox relaying to Kafka), and, in the same run, what PostgreSQL
 * alone does for the same inserts (case, outbox event, audit record) with pgbench. It prints its
 * figures and asserts nothing about them: it is not a timed test, and the test command never runs it
 * (its name is not a test's). Run it with {@code ./mvnw -o verify -pl case-service -Pbench}; settings
 * {@code -Dbench.clients=8 -Dbench.seconds=15 -Dbench.warmup-seconds=5}. pgbench must be on the PATH
 * (Debian: postgresql-client); without it the PostgreSQL half is skipped with a note.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class CaseBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 5);

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

    record Sample(long createNanos, long submitNanos) {
    }

    @Test
    void createAndSubmitCases() throws Exception {
        String body = new ObjectMapper().writeValueAsString(DETAILS);
        URI base = URI.create("http://localhost:" + RestAssured.port);
        // Warm up: JIT, connection pools, the first Kafka sends.
        runClients(base, body, WARMUP_SECONDS);
        long started = System.nanoTime();
        List<Sample> samples = runClients(base, body, SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;

        long[] create = samples.stream().mapToLong(Sample::createNanos).sorted().toArray();
        long[] submit = samples.stream().mapToLong(Sample::submitNanos).sorted().toArray();
        long[] all = samples.stream().flatMapToLong(s -> java.util.stream.LongStream.of(s.createNanos(), s.submitNanos()))
                .sorted().toArray();
        long[] both = samples.stream().mapToLong(s -> s.createNanos() + s.submitNanos()).sorted().toArray();
        double casesPerSecond = samples.size() / elapsed;
        double requestsPerSecond = 2 * samples.size() / elapsed;

        StringBuilder out = new StringBuilder("\n==== case-service benchmark ====\n");
        out.append(String.format("case-service over HTTP: %d clients, %.1f s, %d cases created and submitted%n", CLIENTS, elapsed,
                samples.size()));
        out.append(String.format("  %.0f cases/s = %.0f requests/s (each a transaction: case, stage, audit; submit adds the outbox event)%n",
                casesPerSecond, requestsPerSecond));
        out.append(line("create (POST /api/cases)", create));
        out.append(line("submit (POST /api/cases/{id}/submit)", submit));
        out.append(line("any request", all));
        out.append(line("create + submit", both));

        PgBench pg = pgbench();
        if (pg == null) {
            out.append("PostgreSQL alone: skipped (pgbench is not on the PATH)\n");
        } else {
            out.append(String.format("PostgreSQL alone (pgbench, %d clients, %d s; one transaction = case + outbox event + audit record):%n",
                    CLIENTS, SECONDS));
            out.append(String.format("  %.0f transactions/s%n", pg.tps()));
            out.append(line("transaction", pg.latencies()));
            out.append(String.format("service requests/s as a share of PostgreSQL's transactions/s: %.0f%% (goal: at least 50%%)%n",
                    100 * requestsPerSecond / pg.tps()));
        }
        out.append(String.format("p99 of any request: %.2f ms (goal: under 15 ms at 8 clients)%n", percentile(all, 0.99) / 1e6));
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark.txt"), out.toString());
    }

    private List<Sample> runClients(URI base, String body, int seconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<Sample>>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String token = Tokens.patient("bench-" + UUID.randomUUID());
                futures.add(pool.submit(() -> client(base, token, body, end)));
            }
            List<Sample> samples = new ArrayList<>();
            for (Future<List<Sample>> future : futures) {
                samples.addAll(future.get());
            }
            return samples;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Sample> client(URI base, String token, String body, long end) throws Exception {
        // One client, one connection, requests one after the other: like a phone, only faster.
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            List<Sample> samples = new ArrayList<>();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/api/cases"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("create answered " + created.statusCode());
                }
                String location = created.headers().firstValue("Location").orElseThrow();
                String id = location.substring(location.lastIndexOf('/') + 1);
                HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(base.resolve("/api/cases/" + id + "/submit"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                long t2 = System.nanoTime();
                if (submitted.statusCode() != 200) {
                    throw new IllegalStateException("submit answered " + submitted.statusCode());
                }
                samples.add(new Sample(t1 - t0, t2 - t1));
            }
            return samples;
        }
    }

    record PgBench(double tps, long[] latencies) {
    }

    /** The same inserts as creating a case and submitting it, straight into PostgreSQL. */
    private PgBench pgbench() throws IOException, InterruptedException {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(TestDatabase.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("Unexpected JDBC URL shape");
        }
        Path dir = Files.createTempDirectory("smo-pgbench");
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
        List<String> command = List.of("pgbench", "-n", "-c", String.valueOf(CLIENTS), "-j", "2", "-T", String.valueOf(SECONDS),
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

    private static String line(String what, long[] sortedNanos) {
        return String.format("  %-40s p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms%n", what, percentile(sortedNanos, 0.50) / 1e6,
                percentile(sortedNanos, 0.99) / 1e6, sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
