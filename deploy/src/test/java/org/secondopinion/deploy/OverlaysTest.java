package org.secondopinion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every overlay renders with kustomize, validates, and has the figures ARCHITECTURE.md and issue 8 ask for. */
class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendersAndValidates(String overlay) {
        List<JsonNode> objects = Overlays.render(overlay);
        assertFalse(objects.isEmpty(), overlay + " renders nothing");
        List<String> problems = new ManifestValidator(Overlays.REPO).validate(objects);
        assertEquals(List.of(), problems, overlay + " (" + Kustomize.version() + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsObjects(String overlay) {
        for (String service : Overlays.SERVICES) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "HorizontalPodAutoscaler",
                    "PodDisruptionBudget", "NetworkPolicy", "KafkaUser")) {
                Overlays.one(overlay, kind, service);
            }
            JsonNode sa = Overlays.one(overlay, "ServiceAccount", service);
            assertFalse(sa.path("automountServiceAccountToken").asBoolean(true), service + " mounts its token");
        }
        Overlays.one(overlay, "NetworkPolicy", "default-deny-services");
        Overlays.one(overlay, "Namespace", overlay.equals("prod") ? "second-opinion" : "second-opinion-dev");
    }

    @Test
    void devIsOneOfEverything() {
        Overlays.ofKind("dev", "HorizontalPodAutoscaler").forEach(h -> assertEquals(1, h.path("spec").path("minReplicas").asInt()));
        assertEquals(1, Overlays.one("dev", "KafkaNodePool", "dual-role").path("spec").path("replicas").asInt());
        JsonNode config = Overlays.one("dev", "Kafka", "smo-kafka").path("spec").path("kafka").path("config");
        assertEquals(1, config.path("default.replication.factor").asInt());
        assertEquals(1, config.path("min.insync.replicas").asInt());
        assertEquals(1, config.path("offsets.topic.replication.factor").asInt());
        Overlays.ofKind("dev", "KafkaTopic").forEach(t -> assertEquals(1, t.path("spec").path("replicas").asInt(), ManifestValidator.id(t)));
        Overlays.ofKind("dev", "Cluster").forEach(c -> assertEquals(1, c.path("spec").path("instances").asInt(), ManifestValidator.id(c)));
        assertEquals(1, Overlays.one("dev", "Keycloak", "smo-keycloak").path("spec").path("instances").asInt());
    }

    @Test
    void prodIsHighlyAvailableAndBackedUp() {
        Overlays.ofKind("prod", "HorizontalPodAutoscaler").forEach(h -> {
            assertTrue(h.path("spec").path("minReplicas").asInt() >= 3, ManifestValidator.id(h));
            // More consumers than partitions would idle.
            assertTrue(h.path("spec").path("maxReplicas").asInt() <= 12, ManifestValidator.id(h));
        });
        assertEquals(3, Overlays.ofKind("prod", "KafkaNodePool").filter(p -> roles(p).contains("broker"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum(), "brokers");
        assertTrue(Overlays.ofKind("prod", "KafkaNodePool").filter(p -> roles(p).contains("controller"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum() >= 3, "KRaft controllers");
        JsonNode config = Overlays.one("prod", "Kafka", "smo-kafka").path("spec").path("kafka").path("config");
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(2, config.path("min.insync.replicas").asInt());
        Overlays.ofKind("prod", "KafkaTopic").forEach(t -> assertEquals(3, t.path("spec").path("replicas").asInt(), ManifestValidator.id(t)));
        Set<String> backedUp = new TreeSet<>();
        Overlays.ofKind("prod", "ScheduledBackup").forEach(b -> backedUp.add(b.path("spec").path("cluster").path("name").asText()));
        Overlays.ofKind("prod", "Cluster").forEach(c -> {
            String name = c.path("metadata").path("name").asText();
            assertEquals(3, c.path("spec").path("instances").asInt(), name);
            assertFalse(c.path("spec").path("backup").path("barmanObjectStore").path("destinationPath").asText().isEmpty(),
                    name + " archives no WAL");
            assertTrue(backedUp.contains(name), name + " has no ScheduledBackup");
        });
        Overlays.ofKind("prod", "KeycloakRealmImport").forEach(r -> r.path("spec").path("realm").path("clients")
                .forEach(client -> client.path("redirectUris").forEach(uri -> assertFalse(uri.asText().contains("localhost"),
                        "prod realm redirects to " + uri.asText()))));
    }

    private static Set<String> roles(JsonNode pool) {
        Set<String> roles = new TreeSet<>();
        pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    /** Every topic in platform/events' Topics.java and every service's dead-letter topic is a KafkaTopic. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicIsDeclared(String overlay) throws IOException {
        String topicsJava = Files.readString(Overlays.REPO.resolve("platform/events/src/main/java/org/secondopinion/events/Topics.java"));
        Set<String> expected = new TreeSet<>();
        Matcher m = Pattern.compile("\"(smo\\.[a-z.]*[a-z])\"").matcher(topicsJava);
        while (m.find()) {
            expected.add(m.group(1));
        }
        assertTrue(topicsJava.contains("\"smo.dlq.\" + service"), "Topics.deadLetter changed: update this test");
        Overlays.SERVICES.forEach(s -> expected.add("smo.dlq." + s));
        Set<String> declared = Overlays.ofKind(overlay, "KafkaTopic").map(t -> t.path("spec").path("topicName")
                .asText(t.path("metadata").path("name").asText())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, declared);
        Overlays.ofKind(overlay, "KafkaTopic").forEach(t -> {
            assertTrue(t.path("spec").path("partitions").asInt() > 0, ManifestValidator.id(t));
            assertTrue(t.path("spec").path("config").has("retention.ms"), ManifestValidator.id(t) + " has no retention");
        });
    }

    /** Each service may write its own topics and dead-letter topic, read what it consumes, and use its own group. */
    @Test
    void kafkaUsersHaveOnlyTheirOwnAccess() {
        Map<String, Map<String, Set<String>>> expected = new TreeMap<>();
        expected.put("case-service", access(Set.of("smo.cases"), Set.of("smo.coverage", "smo.providers", "smo.reports")));
        expected.put("provider-directory-service", access(Set.of("smo.providers"), Set.of("smo.cases")));
        expected.put("insurance-eligibility-service",
                access(Set.of("smo.coverage", "smo.insurer.inquiries"), Set.of("smo.cases", "smo.insurer.answers")));
        expected.put("report-service", access(Set.of("smo.reports"), Set.of("smo.cases")));
        expected.forEach((service, access) -> {
            access.put("topic:smo.dlq." + service, Set.of("Write", "Describe"));
            access.put("group:" + service, Set.of("Read"));
            JsonNode user = Overlays.one("prod", "KafkaUser", service);
            Map<String, Set<String>> actual = new HashMap<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                assertEquals("literal", resource.path("patternType").asText(), service + ": no prefixes or wildcards");
                Set<String> ops = new TreeSet<>();
                acl.path("operations").forEach(op -> ops.add(op.asText()));
                actual.merge(resource.path("type").asText() + ":" + resource.path("name").asText(), ops, (a, b) -> {
                    Set<String> all = new TreeSet<>(a);
                    all.addAll(b);
                    return all;
                });
            }
            assertEquals(new TreeMap<>(access), new TreeMap<>(actual), service);
        });
    }

    private static Map<String, Set<String>> access(Set<String> writes, Set<String> reads) {
        Map<String, Set<String>> access = new HashMap<>();
        writes.forEach(t -> access.put("topic:" + t, Set.of("Write", "Describe")));
        reads.forEach(t -> access.put("topic:" + t, Set.of("Read", "Describe")));
        return access;
    }

    /**
     * Each service's pods, at the autoscaler's limit plus the rolling update's surge and every pool full, fit within
     * its database's connections: max_connections (PostgreSQL's 100 unless the Cluster sets it), less the 3 reserved
     * for superusers and 10 kept for CloudNativePG, replication and an operator's session.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServicesPodsFitWithinTheirDatabasesConnections(String overlay) {
        for (String service : Overlays.SERVICES) {
            JsonNode deployment = Overlays.one(overlay, "Deployment", service);
            Map<String, String> env = new HashMap<>();
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode from : container.path("envFrom")) {
                    Overlays.one(overlay, "ConfigMap", from.path("configMapRef").path("name").asText()).path("data")
                            .properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                }
                container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            }
            Matcher host = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw[:/].*").matcher(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
            assertTrue(host.matches(), service + " names no CloudNativePG read-write service in its JDBC URL");
            JsonNode cluster = Overlays.one(overlay, "Cluster", host.group(1));
            int connections = cluster.path("spec").path("postgresql").path("parameters").path("max_connections").asInt(100) - 3 - 10;
            int pool = Integer.parseInt(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
                    ConfigKeys.value(Overlays.REPO, service, "quarkus.datasource.jdbc.max-size").orElse("20")));
            int replicas = Overlays.one(overlay, "HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt();
            int pods = replicas + surge(deployment.path("spec").path("strategy"), replicas);
            assertTrue(pods * pool <= connections, overlay + ": " + pods + " pods of " + service + " with " + pool
                    + " connections each need more than the " + connections + " " + host.group(1) + " has for them");
        }
    }

    /**
     * How many pods a rolling update adds beyond {@code replicas}, as Kubernetes counts it: {@code maxSurge} is a
     * number or a percentage of the replicas rounded up, 25 % when not set; a Recreate strategy adds none.
     */
    static int surge(JsonNode strategy, int replicas) {
        if ("Recreate".equals(strategy.path("type").asText())) {
            return 0;
        }
        JsonNode maxSurge = strategy.path("rollingUpdate").path("maxSurge");
        String value = maxSurge.isMissingNode() || maxSurge.isNull() ? "25%" : maxSurge.asText();
        return value.endsWith("%")
                ? (int) Math.ceil(replicas * Integer.parseInt(value.substring(0, value.length() - 1)) / 100.0)
                : Integer.parseInt(value);
    }

    @Test
    void aRollingUpdatesSurgeIsCountedAsKubernetesCountsIt() throws Exception {
        ObjectMapper yaml = Kustomize.YAML;
        assertEquals(1, surge(yaml.readTree("{type: RollingUpdate, rollingUpdate: {maxSurge: 1}}"), 12));
        assertEquals(3, surge(yaml.readTree("{type: RollingUpdate, rollingUpdate: {maxSurge: '25%'}}"), 12));
        assertEquals(3, surge(yaml.readTree("{type: RollingUpdate, rollingUpdate: {maxSurge: '20%'}}"), 12), "rounded up");
        assertEquals(3, surge(yaml.readTree("{type: RollingUpdate}"), 12), "Kubernetes' default: 25 %");
        assertEquals(0, surge(yaml.readTree("{type: Recreate}"), 12));
    }

    /** The Ingress sends each /api path to the service that owns it (ARCHITECTURE.md) and exposes nothing else. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressRoutesEachApiToItsService(String overlay) {
        Map<String, String> expected = new TreeMap<>(Map.of(
                "/api/cases", "case-service", "/api/guidance", "case-service",
                "/api/physicians", "provider-directory-service", "/api/clinics", "provider-directory-service",
                "/api/specialties", "provider-directory-service",
                "/api/plans", "insurance-eligibility-service", "/api/members", "insurance-eligibility-service",
                "/api/eligibility-checks", "insurance-eligibility-service",
                "/api/reviews", "report-service", "/api/reports", "report-service"));
        Map<String, String> actual = new TreeMap<>();
        Overlays.ofKind(overlay, "Ingress").forEach(ingress -> ingress.path("spec").path("rules").forEach(rule ->
                rule.path("http").path("paths").forEach(p -> actual.put(p.path("path").asText(),
                        p.path("backend").path("service").path("name").asText()))));
        assertEquals(expected, actual);
    }
}
