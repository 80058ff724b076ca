package org.secondopinion.localstack.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local stack answers: Keycloak, the four services, the broker, and the file with the generated local
 * credentials (the insurer clients' secrets). {@link #fromEnvironment()} reads what {@code ./smo demo} passes;
 * {@link #local(int, Path)} computes the same from a port offset and an {@code SMO_HOME}, as {@code ./smo} does.
 */
public record StackEndpoints(String keycloakUrl, String caseService, String directory, String eligibility,
        String reportService, String kafkaBootstrap, Path credentialsFile) {

    public static final String REALM = "second-opinion";

    /** The stack of {@code ./smo up} with {@code SMO_PORT_OFFSET=offset} and {@code SMO_HOME=smoHome}. */
    public static StackEndpoints local(int offset, Path smoHome) {
        return new StackEndpoints("http://localhost:" + (8180 + offset), "http://localhost:" + (8081 + offset),
                "http://localhost:" + (8082 + offset), "http://localhost:" + (8083 + offset),
                "http://localhost:" + (8084 + offset), "localhost:" + (9092 + offset),
                smoHome.resolve("data/local-credentials.env"));
    }

    /** From {@code SMO_KEYCLOAK_URL}, {@code SMO_CASE_SERVICE_URL}, ... (set by {@code ./smo demo}); defaults: offset 0. */
    public static StackEndpoints fromEnvironment() {
        StackEndpoints defaults = local(0, Path.of(".smo"));
        return new StackEndpoints(env("SMO_KEYCLOAK_URL").orElse(defaults.keycloakUrl()),
                env("SMO_CASE_SERVICE_URL").orElse(defaults.caseService()),
                env("SMO_DIRECTORY_URL").orElse(defaults.directory()),
                env("SMO_ELIGIBILITY_URL").orElse(defaults.eligibility()),
                env("SMO_REPORT_SERVICE_URL").orElse(defaults.reportService()),
                env("SMO_KAFKA_BOOTSTRAP").orElse(defaults.kafkaBootstrap()),
                env("SMO_CREDENTIALS_FILE").map(Path::of).orElse(defaults.credentialsFile()));
    }

    public String issuer() {
        return keycloakUrl + "/realms/" + REALM;
    }

    /** The generated local credentials ({@code NAME=value} lines). */
    public Map<String, String> credentials() {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(credentialsFile)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the local credentials " + credentialsFile + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static Optional<String> env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
