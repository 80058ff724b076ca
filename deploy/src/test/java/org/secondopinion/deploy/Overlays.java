package org.secondopinion.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The deploy/ directory, the repository around it, and each overlay rendered once per test run. */
final class Overlays {

    static final Path DEPLOY = Path.of(System.getProperty("smo.deploy.dir", ".")).toAbsolutePath().normalize();
    static final Path REPO = Path.of(System.getProperty("smo.repo.dir", "..")).toAbsolutePath().normalize();
    static final Path K8S = DEPLOY.resolve("k8s");
    static final List<String> NAMES = List.of("dev", "prod");
    static final List<String> SERVICES = List.of(
            "case-service", "provider-directory-service", "insurance-eligibility-service", "report-service");

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Kustomize.render(K8S.resolve("overlays").resolve(o)));
    }

    static Stream<JsonNode> ofKind(String overlay, String kind) {
        return render(overlay).stream().filter(o -> o.path("kind").asText().equals(kind));
    }

    static JsonNode one(String overlay, String kind, String name) {
        return ofKind(overlay, kind).filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + "/" + name));
    }
}
