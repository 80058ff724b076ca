package org.secondopinion.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the published schemas from the classpath, validates against them and resolves their references. */
final class Schemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Formats (uuid, date, date-time) are only annotations in 2020-12 unless asserted; the contract means them.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private Schemas() {
    }

    static Set<ValidationMessage> validate(EventType type, JsonNode event) {
        return SCHEMAS.computeIfAbsent(type.schemaResource(),
                resource -> FACTORY.getSchema(SchemaLocation.of("classpath:" + resource), CONFIG)).validate(event);
    }

    /** A schema file as a JSON tree, by its name inside {@code schemas/}. */
    static JsonNode document(String fileName) {
        return DOCUMENTS.computeIfAbsent(fileName, name -> {
            try (InputStream in = resource("schemas/" + name)) {
                return EventCodec.mapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static InputStream resource(String path) {
        InputStream in = Schemas.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("No classpath resource " + path);
        }
        return in;
    }

    /** A node of a schema document together with the file it lives in, so relative references resolve. */
    record Node(String file, JsonNode json) {

        static Node root(EventType type) {
            String file = type.schemaResource().substring("schemas/".length());
            return new Node(file, document(file));
        }

        /** Follows {@code $ref}s (local or to a sibling file) until a node that is not a reference. */
        Node resolved() {
            Node node = this;
            while (node.json.has("$ref")) {
                String ref = node.json.get("$ref").asText();
                int hash = ref.indexOf('#');
                String file = hash == 0 ? node.file : ref.substring(0, hash < 0 ? ref.length() : hash);
                String pointer = hash < 0 ? "" : ref.substring(hash + 1);
                JsonNode target = document(file).at(pointer);
                if (target.isMissingNode()) {
                    throw new AssertionError("Unresolvable $ref " + ref + " in " + node.file);
                }
                node = new Node(file, target);
            }
            return node;
        }

        Node get(String field) {
            JsonNode child = json.get(field);
            if (child == null) {
                throw new AssertionError("Schema node in " + file + " has no '" + field + "'");
            }
            return new Node(file, child).resolved();
        }

        String text(String field) {
            return json.path(field).asText(null);
        }
    }
}
