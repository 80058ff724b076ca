package org.secondopinion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with the kustomize built into kubectl. The build installs kubectl into target/tools (from
 * the npm registry, see pom.xml); {@code -Dkubectl=/path/to/kubectl} uses another one.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    static Path kubectl() {
        Path kubectl = Path.of(System.getProperty("smo.kubectl", "target/tools/kubectl/kubectl"));
        if (!Files.isExecutable(kubectl)) {
            throw new IllegalStateException("kubectl not found at " + kubectl + ": run the tests through Maven (it installs"
                    + " kubectl into target/tools) or pass -Dkubectl=/path/to/kubectl");
        }
        return kubectl;
    }

    /** The version line of the kustomize in use, for the record. */
    static String version() {
        return run(List.of(kubectl().toString(), "version", "--client")).replace('\n', ' ').trim();
    }

    /** Every object the kustomization in {@code dir} renders to. */
    static List<JsonNode> render(Path dir) {
        return parse(run(List.of(kubectl().toString(), "kustomize", dir.toString())));
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("kustomize printed YAML that does not parse", e);
        }
        return docs;
    }

    private static String run(List<String> command) {
        try {
            Path out = Files.createTempFile("kustomize", ".out");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new KustomizeException(String.join(" ", command) + " failed: "
                            + Files.readString(err, StandardCharsets.UTF_8).trim());
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kustomize refused the input (a broken kustomization or patch). */
    static final class KustomizeException extends RuntimeException {
        KustomizeException(String message) {
            super(message);
        }
    }
}
