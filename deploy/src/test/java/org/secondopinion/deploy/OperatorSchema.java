package org.secondopinion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates CloudNativePG and Keycloak operator resources against JSON Schemas in src/test/resources/schemas. Those
 * operators publish their CRDs to no registry this build can reach, so the schemas are written by hand from their API
 * references, for the fields these manifests use, and refuse every other field (each schema says so).
 */
final class OperatorSchema {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private OperatorSchema() {
    }

    static boolean covers(String apiVersion) {
        return apiVersion.startsWith("postgresql.cnpg.io/") || apiVersion.startsWith("k8s.keycloak.org/")
                || apiVersion.startsWith("barmancloud.cnpg.io/");
    }

    static Optional<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String name = apiVersion.replace('/', '_') + "_" + kind;
        JsonSchema schema = CACHE.computeIfAbsent(name, OperatorSchema::load);
        if (schema == null) {
            CACHE.remove(name);
            return Optional.of("no schema for " + apiVersion + " " + kind);
        }
        Set<ValidationMessage> messages = schema.validate(object);
        return messages.isEmpty() ? Optional.empty()
                : Optional.of(kind + " does not match its schema: "
                        + messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
    }

    private static JsonSchema load(String name) {
        try (InputStream in = OperatorSchema.class.getResourceAsStream("/schemas/" + name + ".json")) {
            return in == null ? null : FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
