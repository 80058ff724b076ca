package org.secondopinion.coverage;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

/**
 * Throughput and latency of {@code POST /api/eligibility-checks} at 8 concurrent clients, against the real
 * database and signed tokens. Not part of the test run (its name does not end in Test); run it with
 * {@code ./mvnw -o verify -pl insurance-eligibility-service -Pbenchmark}. It prints its figures and asserts only
 * that every request succeeded; the goal is p99 under 20 ms.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class EligibilityBenchmark {

    static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 300);
    static final int REQUESTS = Integer.getInteger("benchmark.requests", 4000);

    @Test
    void eligibilityChecks() throws Exception {
        String payer = Fixtures.payer(false, null);
        Map<String, Object> plan = Fixtures.plan(payer, "SURGERY_RECOMMENDED");
        plan.put("copay", 25);
        plan.put("yearlyLimit", 3);
        String member = Fixtures.activeMember(payer, Fixtures.createPlan(plan));
        String specialty = Fixtures.specialtyWithPrice("450.00");
        String body = """
                {"payerId":"%s","memberId":"%s","dateOfBirth":"1980-04-02","specialtyCode":"%s","surgeryRecommended":true}"""
                .formatted(payer, member, specialty);
        String token = Tokens.patient("bench-patient");

        run(token, body, WARMUP);
        long start = System.nanoTime();
        List<Long> latencies = run(token, body, REQUESTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(latencies);
        System.out.printf("%nEligibility check benchmark: %d requests, %d clients, %.1f s%n", REQUESTS, CLIENTS, seconds);
        System.out.printf("  throughput %.0f checks/s%n", REQUESTS / seconds);
        System.out.printf("  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n%n", ms(latencies, 0.50), ms(latencies, 0.90),
                ms(latencies, 0.99), latencies.getLast() / 1e6);
    }

    /** A plain JDK client over HTTP/1.1 (a connection per client): RestAssured's per-request overhead would dominate the figures. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static List<Long> run(String token, String body, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int share = requests / CLIENTS;
                futures.add(pool.submit((Callable<List<Long>>) () -> {
                    List<Long> mine = new ArrayList<>(share);
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/eligibility-checks"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    for (int i = 0; i < share; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        mine.add(System.nanoTime() - t0);
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("Eligibility check answered " + response.statusCode());
                        }
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
