package org.secondopinion.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.EventCodec;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.platform.testing.LoadRun;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestKafka;
import org.secondopinion.platform.testing.TestTopics;
import org.secondopinion.platform.testing.Tokens;

/**
 * Latency of search near a point with filters, of the clinic locator, and of matching one case, over
 * 100,000 generated physicians (plus the demo physicians), all verified against the generated board
 * feed. The service is the packaged application in its own JVM (a {@code @QuarkusIntegrationTest} with
 * the production heap of the parent pom's {@code benchmark} profile), which seeds the directory as it
 * starts ({@code smo.directory.seed.*}, set by this module's pom). Searches go over HTTP with a signed
 * token, one client after the other (latency, not throughput); matching is timed from CaseSubmitted
 * acknowledged by the broker to ProvidersMatched read from it. Not part of the test run; run it with
 * {@code ./mvnw verify -pl provider-directory-service -Pbenchmark} (settings {@code -Dbench.clients=1
 * -Dbench.warmup-seconds=30 -Dbench.seconds=90 -Dbench.matches=200}). It prints its figures; the goal is
 * p99 under 25 ms for search.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class DirectoryBenchmark {

    static final int MATCHES = Integer.getInteger("bench.matches", 200);

    /** Points the generator puts clinics around (city centres). */
    static final double[][] POINTS = { { 40.7128, -74.0060 }, { 41.8781, -87.6298 }, { 29.7604, -95.3698 },
            { 47.6062, -122.3321 }, { 42.3601, -71.0589 }, { 39.7392, -104.9903 }, { 25.7617, -80.1918 },
            { 44.9778, -93.2650 }, { 36.1627, -86.7816 }, { 35.0844, -106.6504 } };
    static final String[] STATES = { "NY", "IL", "TX", "WA", "MA", "CO", "FL", "MN", "TN", "NM" };
    static final String[] NETWORKS = { "ACME-PPO", "BEACON-CHOICE", "EXAMPLE-PPO", "EXAMPLE-HMO", "DEMO-NATIONAL" };

    @Test
    void searchAndMatching() throws Exception {
        URI base = URI.create("http://localhost:" + RestAssured.port);
        String token = Tokens.patient("bench-patient");
        Map<String, List<String>> taxonomy = taxonomy(base, token);
        List<String> top = taxonomy.keySet().stream().sorted().toList();
        long physicians = total(base, token);

        LoadRun load = new LoadRun(Integer.getInteger("bench.clients", 1), Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 30)),
                Duration.ofSeconds(Integer.getInteger("bench.seconds", 90)));
        LoadRun.Result searches = load.run(base, client -> {
            Random random = new Random(42 + client);
            return http -> {
                double[] point = POINTS[random.nextInt(POINTS.length)];
                String specialty = top.get(random.nextInt(top.size()));
                String near = "&lat=" + point[0] + "&lon=" + point[1];
                String filters = "/api/physicians?specialty=" + specialty + "&network=" + NETWORKS[random.nextInt(NETWORKS.length)];
                http.send("search: specialty + network + accepting within 50 km",
                        LoadRun.Request.get(filters + "&accepting=true" + near + "&radiusKm=50", token), 200);
                http.send("search: specialty + network, nearest first, no radius", LoadRun.Request.get(filters + near, token), 200);
                http.send("clinic locator: specialty within 25 km",
                        LoadRun.Request.get("/api/clinics?radiusKm=25&specialty=" + specialty + near, token), 200);
            };
        });

        List<Long> matching = matching(taxonomy, top);
        long[] sortedMatching = matching.stream().mapToLong(Long::longValue).sorted().toArray();

        StringBuilder out = new StringBuilder("\n==== provider-directory-service benchmark ====\n");
        out.append(String.format("%d physicians in the directory; the service in its own JVM (%s)%n", physicians,
                System.getProperty("quarkus.test.arg-line", "default settings")));
        out.append(String.format("HTTP, %d client(s) one request after the other, %.0f s after a %d s warm-up:%n", load.clients(),
                searches.seconds(), Integer.getInteger("bench.warmup-seconds", 30)));
        out.append(searches.table());
        out.append(String.format("matching one case, CaseSubmitted on the broker to ProvidersMatched read back (%d cases, one at a time):%n",
                sortedMatching.length));
        out.append(LoadRun.line("matching (the whole specialty nationwide evaluated)", sortedMatching));
        out.append(String.format("search with filters p99: %.2f ms (goal: under 25 ms)%n",
                LoadRun.millis(searches.latencies().get("search: specialty + network + accepting within 50 km"), 0.99)));
        System.out.println(out);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark.txt"), out.toString());
    }

    /** Top-level specialties and their sub-specialties, as the API lists them. */
    private static Map<String, List<String>> taxonomy(URI base, String token) throws Exception {
        JsonNode list = get(base, token, "/api/specialties");
        Map<String, List<String>> taxonomy = new HashMap<>();
        for (JsonNode specialty : list) {
            if (specialty.path("parentCode").isNull() || specialty.path("parentCode").isMissingNode()) {
                List<String> subs = new ArrayList<>();
                specialty.path("subSpecialties").forEach(sub -> subs.add(sub.path("code").asText()));
                taxonomy.put(specialty.path("code").asText(), subs);
            }
        }
        return taxonomy;
    }

    private static long total(URI base, String token) throws Exception {
        return get(base, token, "/api/physicians?size=1").path("total").asLong();
    }

    private static JsonNode get(URI base, String token, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body());
        }
    }

    /** Each case submitted on the broker, then its match awaited on the directory's topic: one at a time. */
    private static List<Long> matching(Map<String, List<String>> taxonomy, List<String> top) {
        Random random = new Random(7);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Long> latencies = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PROVIDERS).stream()
                    .map(p -> new TopicPartition(Topics.PROVIDERS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            int warmUp = Math.max(10, MATCHES / 10);
            for (int i = 0; i < warmUp + MATCHES; i++) {
                int city = random.nextInt(POINTS.length);
                String specialty = top.get(random.nextInt(top.size()));
                List<String> subs = taxonomy.getOrDefault(specialty, List.of());
                String sub = subs.isEmpty() || random.nextBoolean() ? null : subs.get(random.nextInt(subs.size()));
                String caseId = UUID.randomUUID().toString();
                CaseSubmitted submitted = new CaseSubmitted(caseId, "bench-patient", null, new MedicalArea(specialty, sub),
                        List.of(SecondOpinionReason.LACK_OF_CONFIDENCE), "Synthetic benchmark case",
                        new PrimaryProvider("Dr. Bench", "1003000126", specialty, null, "Benchmark Practice", null),
                        "Synthetic diagnosis", null, false, false, List.of(),
                        new CaseSubmitted.PatientLocation(STATES[city], POINTS[city][0], POINTS[city][1]), "en", List.of(), List.of(),
                        null, Instant.now());
                long start = System.nanoTime();
                TestTopics.send(Topics.CASES, EventEnvelope.of("/case-service", submitted));
                awaitMatch(consumer, caseId);
                if (i >= warmUp) {
                    latencies.add(System.nanoTime() - start);
                }
            }
        }
        return latencies;
    }

    private static void awaitMatch(KafkaConsumer<String, String> consumer, String caseId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                if (caseId.equals(record.key()) && EventCodec.decode(record.value()).data() instanceof ProvidersMatched) {
                    return;
                }
            }
        }
        throw new IllegalStateException("No ProvidersMatched for case " + caseId + " within 30 s");
    }
}
