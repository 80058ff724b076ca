package org.secondopinion.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Everything an overlay's rendered objects must satisfy: each object valid against its schema (Kubernetes, Strimzi,
 * CloudNativePG, Keycloak), no Secret in the manifests and every referenced Secret accounted for, every Deployment with
 * probes, resources and a restricted security context, images with a pinned tag, and only configuration keys that the
 * services read. {@link #validate} returns the problems; none means valid.
 */
final class ManifestValidator {

    /**
     * Secrets that operations create before applying an overlay (README.md, "Secrets to create"). Every other
     * referenced Secret must be written by an operator for a resource in the same overlay.
     */
    static final Set<String> CREATED_BY_OPERATIONS = Set.of(
            "smo-insurer-clients", "smo-backup-s3", "second-opinion-api-tls", "second-opinion-auth-tls");

    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started", "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");

    private static final Pattern CREDENTIAL_NAME = Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|CREDENTIAL).*");

    private final Path repo;

    ManifestValidator(Path repo) {
        this.repo = repo;
    }

    List<String> validate(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> configMaps = new HashMap<>();
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals("ConfigMap")) {
                configMaps.put(o.path("metadata").path("name").asText(), o);
            }
        }
        Set<String> operatorSecrets = operatorSecrets(objects);
        for (JsonNode o : objects) {
            String id = id(o);
            schema(o).ifPresent(p -> problems.add(id + ": " + p));
            if (o.path("kind").asText().equals("Secret")) {
                problems.add(id + ": a Secret in the manifests; credentials are referenced, and created by an operator or"
                        + " by operations (README.md)");
            }
            if (o.path("kind").asText().equals("Deployment")) {
                deployment(o, id, configMaps, problems);
            }
            for (String secret : referencedSecrets(o)) {
                if (!operatorSecrets.contains(secret) && !CREATED_BY_OPERATIONS.contains(secret)) {
                    problems.add(id + ": references Secret " + secret + ", which no operator writes and README.md does not"
                            + " list among the Secrets to create");
                }
            }
        }
        return problems;
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
    }

    private static Optional<String> schema(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        if (apiVersion.isEmpty() || o.path("kind").asText().isEmpty()) {
            return Optional.of("no apiVersion or kind");
        }
        if (StrimziSchema.covers(apiVersion)) {
            return StrimziSchema.validate(o);
        }
        if (OperatorSchema.covers(apiVersion)) {
            return OperatorSchema.validate(o);
        }
        if (KubernetesSchema.covers(apiVersion)) {
            return KubernetesSchema.validate(o);
        }
        return Optional.of("no schema known for " + apiVersion);
    }

    /** The Secrets the operators write for resources of this overlay. */
    private static Set<String> operatorSecrets(List<JsonNode> objects) {
        Set<String> secrets = new TreeSet<>();
        for (JsonNode o : objects) {
            String name = o.path("metadata").path("name").asText();
            switch (o.path("kind").asText()) {
                case "Cluster" -> secrets.add(name + "-app"); // CloudNativePG: the owner role's credentials
                case "KafkaUser" -> secrets.add(name); // Strimzi's User Operator: the user's credentials
                case "Kafka" -> secrets.add(name + "-cluster-ca-cert"); // Strimzi: the cluster CA's certificate
                default -> {
                }
            }
        }
        return secrets;
    }

    private static Set<String> referencedSecrets(JsonNode o) {
        Set<String> names = new TreeSet<>();
        collectSecrets(o, names);
        if (o.path("kind").asText().equals("Ingress")) {
            o.path("spec").path("tls").forEach(tls -> names.add(tls.path("secretName").asText()));
        }
        if (o.path("kind").asText().equals("Keycloak")) {
            JsonNode spec = o.path("spec");
            if (spec.path("ingress").has("tlsSecret")) {
                names.add(spec.path("ingress").path("tlsSecret").asText());
            }
            if (spec.path("http").has("tlsSecret")) {
                names.add(spec.path("http").path("tlsSecret").asText());
            }
        }
        return names;
    }

    private static void collectSecrets(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "secretKeyRef", "secretRef", "usernameSecret", "passwordSecret", "accessKeyId", "secretAccessKey",
                            "secret" -> {
                        if (value.has("name")) {
                            names.add(value.path("name").asText());
                        }
                    }
                    default -> {
                    }
                }
                if (field.getKey().equals("secret") && value.has("secretName")) {
                    names.add(value.path("secretName").asText());
                }
                collectSecrets(value, names);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectSecrets(item, names));
        }
    }

    private void deployment(JsonNode d, String id, Map<String, JsonNode> configMaps, List<String> problems) {
        String service = d.path("metadata").path("name").asText();
        JsonNode pod = d.path("spec").path("template").path("spec");
        JsonNode podSecurity = pod.path("securityContext");
        if (!pod.path("automountServiceAccountToken").isBoolean() || pod.path("automountServiceAccountToken").asBoolean()) {
            problems.add(id + ": automountServiceAccountToken must be false");
        }
        if (pod.path("serviceAccountName").asText("default").equals("default")) {
            problems.add(id + ": runs as the namespace's default ServiceAccount");
        }
        if (!"RuntimeDefault".equals(pod.path("securityContext").path("seccompProfile").path("type").asText())) {
            problems.add(id + ": the pod's seccompProfile must be RuntimeDefault");
        }
        if (!pod.path("containers").isArray() || pod.path("containers").isEmpty()) {
            problems.add(id + ": no containers");
            return;
        }
        ConfigKeys keys = ConfigKeys.of(repo, service);
        for (JsonNode c : pod.path("containers")) {
            String cid = id + " container " + c.path("name").asText();
            PROBE_PATHS.forEach((probe, path) -> {
                if (!c.has(probe)) {
                    problems.add(cid + ": no " + probe);
                } else if (!path.equals(c.path(probe).path("httpGet").path("path").asText())) {
                    problems.add(cid + ": " + probe + " must check " + path);
                }
            });
            JsonNode resources = c.path("resources");
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!resources.path(kind).has(resource)) {
                        problems.add(cid + ": no " + kind + "." + resource);
                    }
                }
            }
            JsonNode security = c.path("securityContext");
            if (!security.path("allowPrivilegeEscalation").isBoolean() || security.path("allowPrivilegeEscalation").asBoolean()) {
                problems.add(cid + ": allowPrivilegeEscalation must be false");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(cid + ": readOnlyRootFilesystem must be true");
            }
            if (!security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
                problems.add(cid + ": runAsNonRoot must be true");
            }
            if (security.path("privileged").asBoolean(false)) {
                problems.add(cid + ": privileged");
            }
            boolean dropsAll = false;
            for (JsonNode cap : security.path("capabilities").path("drop")) {
                dropsAll |= cap.asText().equals("ALL");
            }
            if (!dropsAll || security.path("capabilities").path("add").size() > 0) {
                problems.add(cid + ": capabilities must drop ALL and add none");
            }
            boolean tmp = false;
            for (JsonNode mount : c.path("volumeMounts")) {
                tmp |= mount.path("mountPath").asText().equals("/tmp");
            }
            if (!tmp) {
                problems.add(cid + ": no writable /tmp (emptyDir) for the read-only root file system");
            }
            image(c.path("image").asText(), cid, problems);
            env(c, cid, keys, configMaps, problems);
        }
    }

    private static void image(String image, String cid, List<String> problems) {
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash + 1) {
            problems.add(cid + ": image " + image + " has no tag (set it in base/kustomization.yaml images)");
        } else if (image.substring(colon + 1).equals("latest")) {
            problems.add(cid + ": image " + image + " uses the latest tag");
        }
        if (slash < 0) {
            problems.add(cid + ": image " + image + " names no registry (set it in base/kustomization.yaml images)");
        }
    }

    private static void env(JsonNode c, String cid, ConfigKeys keys, Map<String, JsonNode> configMaps, List<String> problems) {
        boolean heapSized = false;
        for (JsonNode e : c.path("env")) {
            String name = e.path("name").asText();
            if (!keys.reads(name)) {
                problems.add(cid + ": sets " + name + ", which is not a configuration key the service reads");
            }
            if (CREDENTIAL_NAME.matcher(name).matches() && !e.path("valueFrom").has("secretKeyRef")) {
                problems.add(cid + ": " + name + " is a credential and must come from a Secret (secretKeyRef)");
            }
            if (name.equals("JAVA_TOOL_OPTIONS") && e.path("value").asText().contains("MaxRAMPercentage")) {
                heapSized = true;
            }
        }
        if (!heapSized) {
            problems.add(cid + ": the JVM's heap is not sized to the container (JAVA_TOOL_OPTIONS with -XX:MaxRAMPercentage)");
        }
        for (JsonNode from : c.path("envFrom")) {
            if (from.has("secretRef")) {
                problems.add(cid + ": envFrom a Secret hides which keys it sets; use secretKeyRef per variable");
            }
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                JsonNode map = configMaps.get(name);
                if (map == null) {
                    problems.add(cid + ": envFrom ConfigMap " + name + ", which the overlay does not contain");
                    continue;
                }
                map.path("data").fieldNames().forEachRemaining(key -> {
                    if (!keys.reads(key)) {
                        problems.add(cid + ": ConfigMap " + name + " sets " + key
                                + ", which is not a configuration key the service reads");
                    }
                    if (CREDENTIAL_NAME.matcher(key).matches()) {
                        problems.add(cid + ": ConfigMap " + name + " holds " + key + ", a credential");
                    }
                });
            }
        }
    }
}
