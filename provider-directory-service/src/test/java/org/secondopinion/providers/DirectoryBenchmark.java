package org.secondopinion.providers;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;
import org.secondopinion.providers.domain.Specialty;
import org.secondopinion.providers.repository.BoardCertificationRepository;
import org.secondopinion.providers.repository.PhysicianRepository;
import org.secondopinion.providers.repository.SpecialtyRepository;
import org.secondopinion.providers.service.ClinicService;
import org.secondopinion.providers.service.CredentialVerification;
import org.secondopinion.providers.service.MatchingService;
import org.secondopinion.providers.service.PhysicianSearch;
import org.secondopinion.providers.service.SampleDataSeeder;

/**
 * Latency of search near a point with filters and of matching one case, over 100,000 generated
 * physicians (plus the demo physicians), all verified against the generated board feed. Not part of
 * the test run (its name does not end in Test); run it with
 * {@code ./mvnw -o verify -pl provider-directory-service -Pbenchmark} ({@code -Dbenchmark.physicians=...}
 * to change the size). It prints its figures; the goal is p99 under 25 ms for search.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class DirectoryBenchmark {

    static final int PHYSICIANS = Integer.getInteger("benchmark.physicians", 100_000);
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 200);
    static final int SEARCHES = Integer.getInteger("benchmark.searches", 2000);
    static final int MATCHES = Integer.getInteger("benchmark.matches", 200);

    /** Points the generator puts clinics around (city centres), and one where nobody practises. */
    static final double[][] POINTS = { { 40.7128, -74.0060 }, { 41.8781, -87.6298 }, { 29.7604, -95.3698 },
            { 47.6062, -122.3321 }, { 42.3601, -71.0589 }, { 39.7392, -104.9903 }, { 25.7617, -80.1918 },
            { 44.9778, -93.2650 }, { 36.1627, -86.7816 }, { 35.0844, -106.6504 } };
    static final String[] STATES = { "NY", "IL", "TX", "WA", "MA", "CO", "FL", "MN", "TN", "NM" };
    static final String[] NETWORKS = { "ACME-PPO", "BEACON-CHOICE", "EXAMPLE-PPO", "EXAMPLE-HMO", "DEMO-NATIONAL" };
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    SampleDataSeeder seeder;

    @Inject
    CredentialVerification verification;

    @Inject
    MatchingService matching;

    @Inject
    PhysicianRepository physicians;

    @Inject
    SpecialtyRepository specialties;

    @Inject
    BoardCertificationRepository certifications;

    @Inject
    PhysicianSearch search;

    @Inject
    ClinicService clinicService;

    @Test
    void searchAndMatching() throws Exception {
        long t0 = System.nanoTime();
        int added = seeder.seedInOwnTransaction(PHYSICIANS);
        long t1 = System.nanoTime();
        int verified = verification.verifyAllDue();
        long t2 = System.nanoTime();
        seeder.analyze();
        if (Boolean.getBoolean("benchmark.explain")) {
            explain();
        }
        System.out.printf("%nDirectory benchmark: %d physicians in the directory (%d added in %.0f s); all %d certifications"
                + " verified in %.0f s (%d by this run, the rest by the scheduled job at the same time)%n",
                physicians.count(), added, (t1 - t0) / 1e9, certifications.count(), (t2 - t1) / 1e9, verified);

        List<Specialty> taxonomy = specialties.listAll();
        List<String> top = taxonomy.stream().filter(s -> !s.isSubSpecialty()).map(s -> s.code).sorted().toList();
        Map<String, List<String>> subs = taxonomy.stream().filter(Specialty::isSubSpecialty)
                .collect(Collectors.groupingBy(s -> s.parentCode, Collectors.mapping(s -> s.code, Collectors.toList())));
        String token = Tokens.patient("bench-patient");
        Random random = new Random(42);

        IntSupplier nearWithFilters = () -> {
            double[] point = POINTS[random.nextInt(POINTS.length)];
            return get(token, "/api/physicians?specialty=" + top.get(random.nextInt(top.size())) + "&network="
                    + NETWORKS[random.nextInt(NETWORKS.length)] + "&accepting=true&lat=" + point[0] + "&lon=" + point[1]
                    + "&radiusKm=50");
        };
        IntSupplier nearestAnywhere = () -> {
            double[] point = POINTS[random.nextInt(POINTS.length)];
            return get(token, "/api/physicians?specialty=" + top.get(random.nextInt(top.size())) + "&network="
                    + NETWORKS[random.nextInt(NETWORKS.length)] + "&lat=" + point[0] + "&lon=" + point[1]);
        };
        IntSupplier clinics = () -> {
            double[] point = POINTS[random.nextInt(POINTS.length)];
            return get(token, "/api/clinics?lat=" + point[0] + "&lon=" + point[1] + "&radiusKm=25&specialty="
                    + top.get(random.nextInt(top.size())));
        };
        report("search: specialty + network + accepting within 50 km, nearest first", measure(nearWithFilters, WARMUP, SEARCHES));
        report("search: specialty + network, nearest first, no radius", measure(nearestAnywhere, WARMUP, SEARCHES));
        report("clinic locator: specialty within 25 km", measure(clinics, WARMUP, SEARCHES));

        // The same searches in process (service call: SQL, entity loading, audit, commit; no HTTP, token or JSON).
        IntSupplier serviceNear = () -> {
            double[] point = POINTS[random.nextInt(POINTS.length)];
            search.search(new PhysicianSearch.Criteria(top.get(random.nextInt(top.size())), null,
                    NETWORKS[random.nextInt(NETWORKS.length)], null, null, true, point[0], point[1], 50.0, null, 0, 20));
            return 200;
        };
        IntSupplier serviceClinics = () -> {
            double[] point = POINTS[random.nextInt(POINTS.length)];
            clinicService.near(point[0], point[1], 25, top.get(random.nextInt(top.size())), 0, 20);
            return 200;
        };
        report("in process: search specialty + network + accepting within 50 km", measure(serviceNear, WARMUP, SEARCHES));
        report("in process: clinic locator specialty within 25 km", measure(serviceClinics, WARMUP, SEARCHES));

        int[] candidates = new int[1];
        IntSupplier match = () -> {
            int i = random.nextInt(POINTS.length);
            String specialty = top.get(random.nextInt(top.size()));
            List<String> itsSubs = subs.getOrDefault(specialty, List.of());
            String sub = itsSubs.isEmpty() || random.nextBoolean() ? null : itsSubs.get(random.nextInt(itsSubs.size()));
            CaseSubmitted submitted = new CaseSubmitted(UUID.randomUUID().toString(), "bench-patient", null,
                    new MedicalArea(specialty, sub), List.of(SecondOpinionReason.LACK_OF_CONFIDENCE), "Synthetic benchmark case",
                    new PrimaryProvider("Dr. Bench", "1003000126", specialty, null, "Benchmark Practice", null),
                    "Synthetic diagnosis", null, false, false, List.of(),
                    new CaseSubmitted.PatientLocation(STATES[i], POINTS[i][0], POINTS[i][1]), "en", List.of(), List.of(), null,
                    Instant.now());
            ProvidersMatched matched = matching.compute(submitted);
            candidates[0] += matched.candidates().size();
            return 200;
        };
        measure(match, Math.max(10, MATCHES / 10), 0);
        candidates[0] = 0;
        List<Long> matchLatencies = measure(match, 0, MATCHES);
        report("matching one case (the whole specialty nationwide evaluated)", matchLatencies);
        System.out.printf("  (%.1f candidates per case on average)%n%n", candidates[0] / (double) MATCHES);
    }

    @Inject
    jakarta.persistence.EntityManager entityManager;

    /** The plans of the two search shapes (as PhysicianSearch builds them) on the benchmark's data. */
    @jakarta.transaction.Transactional
    void explain() {
        String verified = """
                coalesce((select true from board_certification b where b.physician_id = p.id and b.specialty_code = 'cardiology'
                  and b.verification_outcome = 'VERIFIED' and b.verified_status = 'CERTIFIED'
                  and (b.verified_valid_until is null or b.verified_valid_until >= current_date) limit 1), false)""";
        String filters = "p.specialties @> array['cardiology'] and p.networks @> array['ACME-PPO']";
        String radius = """
                explain (analyze, buffers) select p.id, d.km km, %s verified, count(*) over () total from physician p join (
                  select a.physician_id, min(great_circle_km(40.7128, -74.0060, a.latitude, a.longitude)) km
                  from physician_area_location a where a.area_code = 'cardiology'
                  and a.latitude between 40.26 and 41.16 and a.longitude between -74.6 and -73.4 group by a.physician_id) d
                  on d.physician_id = p.id
                where %s and p.accepting_second_opinions = true and d.km <= 50
                order by km nulls last, verified desc, p.years_in_practice desc nulls last, p.npi limit 20""".formatted(verified, filters);
        String nearest = """
                explain (analyze, buffers) select p.id, d.km km, %s verified, count(*) over () total from physician p left join (
                  select a.physician_id, min(great_circle_km(40.7128, -74.0060, a.latitude, a.longitude)) km
                  from physician_area_location a where a.area_code = 'cardiology' group by a.physician_id) d on d.physician_id = p.id
                where %s
                order by km nulls last, verified desc, p.years_in_practice desc nulls last, p.npi limit 20""".formatted(verified, filters);
        String clinics = """
                explain (analyze, buffers) select id, km, count(*) over () from (
                  select c.id, great_circle_km(40.7128, -74.0060, c.latitude, c.longitude) km
                  from (select distinct a.clinic_id from physician_area_location a where a.area_code = 'cardiology'
                    and a.latitude between 40.49 and 40.94 and a.longitude between -74.3 and -73.7) x
                  join clinic c on c.id = x.clinic_id) near
                where km <= 25 order by km, id limit 20""";
        for (String sql : List.of(radius, nearest, clinics)) {
            @SuppressWarnings("unchecked")
            List<Object> plan = entityManager.createNativeQuery(sql).getResultList();
            System.out.println(plan.stream().map(String::valueOf).collect(Collectors.joining("\n")));
        }
    }

    /** Warms up, then times {@code count} sequential calls (one client: latency, not throughput). */
    private static List<Long> measure(IntSupplier call, int warmup, int count) {
        for (int i = 0; i < warmup; i++) {
            check(call.getAsInt());
        }
        List<Long> latencies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            int status = call.getAsInt();
            latencies.add(System.nanoTime() - start);
            check(status);
        }
        return latencies;
    }

    private static int get(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("Answered " + status);
        }
    }

    private static void report(String what, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("  %-66s n=%d  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what, sorted.size(),
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted.getLast() / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
