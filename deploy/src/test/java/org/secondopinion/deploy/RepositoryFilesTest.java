package org.secondopinion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is in the repository, rendered or not: no Secret with data anywhere under deploy/k8s. */
class RepositoryFilesTest {

    @Test
    void noSecretIsInlinedInAnyManifest() throws IOException {
        List<String> inlined = new ArrayList<>();
        int documents = 0;
        try (Stream<Path> files = Files.walk(Overlays.K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                for (JsonNode doc : Kustomize.parse(Files.readString(file))) {
                    documents++;
                    if (doc.path("kind").asText().equals("Secret") || doc.has("secretGenerator")) {
                        inlined.add(Overlays.K8S.relativize(file) + ": " + ManifestValidator.id(doc));
                    }
                }
            }
        }
        assertTrue(documents > 40, "read only " + documents + " documents");
        assertEquals(List.of(), inlined, "Secrets belong to the operators or to operations (README.md), not to the repository");
    }
}
