package org.secondopinion.coverage;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.testing.LoadRun;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

/**
 * Throughput and latency of {@code POST /api/eligibility-checks} (a covered member of a plan with a
 * yearly limit; each check determined, kept with its inputs and rule, and audited) at 8 concurrent
 * clients, against the packaged service in its own JVM (a {@code @QuarkusIntegrationTest} with the
 * production heap of the parent pom's {@code benchmark} profile), the real database and signed tokens.
 * Not part of the test run; run it with {@code ./mvnw verify -pl insurance-eligibility-service
 * -Pbenchmark} (settings {@code -Dbench.clients=8 -Dbench.warmup-seconds=120 -Dbench.seconds=20}). It
 * prints its figures and asserts only that every request succeeded; the goal is p99 under 20 ms.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class EligibilityBenchmark {

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
        URI base = URI.create("http://localhost:" + RestAssured.port);

        LoadRun load = LoadRun.fromSystemProperties(180, 30);
        LoadRun.Result result = load.run(base, client -> http -> http.send("eligibility check (POST /api/eligibility-checks)",
                LoadRun.Request.postJson("/api/eligibility-checks", token, body), 201));

        StringBuilder out = new StringBuilder("\n==== insurance-eligibility-service benchmark ====\n");
        out.append(String.format("eligibility checks over HTTP (the service in its own JVM: %s): %d clients, %.1f s%n",
                System.getProperty("quarkus.test.arg-line", "default settings"), load.clients(), result.seconds()));
        out.append(String.format("  %.0f checks/s%n", result.requestsPerSecond()));
        out.append(result.table());
        out.append(String.format("p99: %.2f ms (goal: under 20 ms at 8 clients)%n", LoadRun.millis(result.all(), 0.99)));
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark.txt"), out.toString());
    }
}
