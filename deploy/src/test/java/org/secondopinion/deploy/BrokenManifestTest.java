package org.secondopinion.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The validation fails on broken manifests: each case copies deploy/k8s, adds an overlay on top of dev that breaks
 * one thing, renders it with kustomize like the real overlays and expects the validator to name the problem.
 */
class BrokenManifestTest {

    @TempDir
    Path temp;

    static Stream<Arguments> breakages() {
        return Stream.of(
                arguments("a Deployment without a liveness probe",
                        deploymentPatch("remove", "/spec/template/spec/containers/0/livenessProbe", null),
                        "Deployment/case-service container case-service: no livenessProbe"),
                arguments("a probe on the wrong endpoint",
                        deploymentPatch("replace", "/spec/template/spec/containers/0/readinessProbe/httpGet/path", "/q/health"),
                        "readinessProbe must check /q/health/ready"),
                arguments("a field of the wrong type",
                        deploymentPatch("replace", "/spec/revisionHistoryLimit", "\"five\""),
                        "does not match the Kubernetes schema"),
                arguments("a misspelt field",
                        deploymentPatch("add", "/spec/template/spec/containers/0/livenesProbe", "{}"),
                        "livenesProbe"),
                arguments("no memory limit",
                        deploymentPatch("remove", "/spec/template/spec/containers/0/resources/limits/memory", null),
                        "no limits.memory"),
                arguments("privilege escalation allowed",
                        deploymentPatch("replace", "/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation", "true"),
                        "allowPrivilegeEscalation must be false"),
                arguments("a writable root file system",
                        deploymentPatch("replace", "/spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem", "false"),
                        "readOnlyRootFilesystem must be true"),
                arguments("the service account token mounted",
                        deploymentPatch("replace", "/spec/template/spec/automountServiceAccountToken", "true"),
                        "automountServiceAccountToken must be false"),
                arguments("a password inline",
                        deploymentPatch("add", "/spec/template/spec/containers/0/env/-", "{name: QUARKUS_DATASOURCE_PASSWORD, value: hunter2}"),
                        "QUARKUS_DATASOURCE_PASSWORD is a credential and must come from a Secret"),
                arguments("a Secret nobody creates",
                        deploymentPatch("add", "/spec/template/spec/containers/0/env/-",
                                "{name: QUARKUS_DATASOURCE_PASSWORD, valueFrom: {secretKeyRef: {name: hand-made, key: password}}}"),
                        "references Secret hand-made"),
                arguments("a made-up configuration key",
                        """
                        configMapGenerator:
                          - name: case-service-config
                            behavior: merge
                            literals:
                              - QUARKUS_DATASOURCE_JDBC_URLX=jdbc:postgresql://elsewhere/cases
                        """,
                        "sets QUARKUS_DATASOURCE_JDBC_URLX, which is not a configuration key the service reads"),
                arguments("an image tagged latest",
                        """
                        images:
                          - name: registry.example.com/second-opinion/case-service
                            newTag: latest
                        """,
                        "uses the latest tag"),
                arguments("a Secret with its data in the repository",
                        "resources:\n  - secret.yaml\n",
                        "Secret/db-password: a Secret in the manifests"),
                arguments("a KafkaTopic with a misspelt field",
                        patch("KafkaTopic", "smo.cases", "add", "/spec/partiton", "3"),
                        "fields Strimzi's schema does not define: KafkaTopic.spec.partiton"),
                arguments("a KafkaTopic with partitions of the wrong type",
                        patch("KafkaTopic", "smo.cases", "replace", "/spec/partitions", "many"),
                        "KafkaTopic does not match Strimzi's schema"),
                arguments("a KafkaUser with an unknown ACL operation",
                        patch("KafkaUser", "case-service", "replace", "/spec/authorization/acls/0/operations/0", "Wrte"),
                        "KafkaUser does not match Strimzi's schema"),
                arguments("a CloudNativePG Cluster with instances of the wrong type",
                        patch("Cluster", "cases-db", "replace", "/spec/instances", "three"),
                        "Cluster does not match its schema"),
                arguments("a CloudNativePG Cluster with a misspelt field",
                        patch("Cluster", "cases-db", "add", "/spec/backups", "{}"),
                        "Cluster does not match its schema"),
                arguments("a Keycloak with a misspelt field",
                        patch("Keycloak", "smo-keycloak", "add", "/spec/hostname/hostnme", "auth.example"),
                        "Keycloak does not match its schema"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void isRefused(String what, String kustomization, String expected) throws IOException {
        Path overlay = brokenOverlay(kustomization);
        List<String> problems = new ManifestValidator(Overlays.REPO).validate(Kustomize.render(overlay));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                what + ": expected a problem containing «" + expected + "», got " + problems);
    }

    @Test
    void theUnbrokenCopyPasses() throws IOException {
        Path overlay = brokenOverlay("");
        assertEquals(List.of(), new ManifestValidator(Overlays.REPO).validate(Kustomize.render(overlay)));
    }

    @Test
    void aPatchThatDoesNotApplyFailsTheRendering() throws IOException {
        Path overlay = brokenOverlay(deploymentPatch("replace", "/spec/template/spec/containers/3/image", "x"));
        assertThrows(Kustomize.KustomizeException.class, () -> Kustomize.render(overlay));
    }

    /** An overlay on a copy of the dev overlay, with {@code kustomization} added to its kustomization.yaml. */
    private Path brokenOverlay(String kustomization) throws IOException {
        Path copy = temp.resolve("k8s");
        copyTree(Overlays.K8S, copy);
        Path overlay = copy.resolve("overlays/broken");
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db-password
                type: Opaque
                data:
                  password: aHVudGVyMg==
                """);
        String text = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";
        text += kustomization.contains("resources:") ? kustomization.replace("resources:\n", "resources:\n  - ../dev\n")
                : "resources:\n  - ../dev\n" + kustomization;
        Files.writeString(overlay.resolve("kustomization.yaml"), text);
        return overlay;
    }

    private static String deploymentPatch(String op, String path, String value) {
        return patch("Deployment", "case-service", op, path, value);
    }

    private static String patch(String kind, String name, String op, String path, String value) {
        return "patches:\n  - target:\n      kind: " + kind + "\n      name: " + name + "\n    patch: |-\n"
                + "      - op: " + op + "\n        path: " + path + "\n"
                + (value == null ? "" : "        value: " + value + "\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

}
