package org.secondopinion.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strimzi.api.kafka.model.common.UnknownPropertyPreserving;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates Strimzi resources against Strimzi's own API model (io.strimzi:api, the classes Strimzi generates its
 * CRDs from). Strimzi's model keeps unknown fields instead of refusing them, so after binding every object is walked
 * and any field the model did not recognise is reported; wrong types and unknown enum values fail the binding.
 */
final class StrimziSchema {

    static final String API_VERSION = "kafka.strimzi.io/v1";

    private static final Map<String, String> MODEL_BY_KIND = Map.of(
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
            "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private StrimziSchema() {
    }

    static boolean covers(String apiVersion) {
        return apiVersion.startsWith("kafka.strimzi.io/") || apiVersion.startsWith("core.strimzi.io/");
    }

    static Optional<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        if (!API_VERSION.equals(apiVersion)) {
            return Optional.of(kind + ": apiVersion " + apiVersion + " is not the targeted " + API_VERSION);
        }
        String model = MODEL_BY_KIND.get(kind);
        if (model == null) {
            return Optional.of("no Strimzi schema for kind " + kind);
        }
        Object bound;
        try {
            bound = MAPPER.treeToValue(object, Class.forName(model));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            return Optional.of(kind + " does not match Strimzi's schema: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> unknown = new ArrayList<>();
        walk(bound, kind, unknown, new IdentityHashMap<>());
        // Strimzi binds an enum value it does not know (an ACL operation, say) to null: what did not survive the
        // round trip through the model was not understood.
        List<String> lost = new ArrayList<>();
        lost(object, MAPPER.valueToTree(bound), kind, lost);
        if (!lost.isEmpty()) {
            return Optional.of(kind + " does not match Strimzi's schema: values it does not recognise at " + String.join(", ", lost));
        }
        return unknown.isEmpty() ? Optional.empty()
                : Optional.of(kind + " has fields Strimzi's schema does not define: " + String.join(", ", unknown));
    }

    /**
     * Values of {@code given} that the model turned into null or into another value. A field missing from
     * {@code kept} is fine: the model leaves out values equal to their defaults (deleteClaim: false, say).
     */
    private static void lost(JsonNode given, JsonNode kept, String path, List<String> lost) {
        if (kept == null || kept.isMissingNode()) {
            return;
        }
        if (kept.isNull()) {
            lost.add(path + (given.isValueNode() ? " (" + given.asText() + ")" : ""));
        } else if (given.isObject()) {
            given.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("apiVersion")) {
                    lost(f.getValue(), kept.get(f.getKey()), path + "." + f.getKey(), lost);
                }
            });
        } else if (given.isArray()) {
            for (int i = 0; i < given.size(); i++) {
                JsonNode k = kept.get(i);
                lost(given.get(i), k == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : k,
                        path + "[" + i + "]", lost);
            }
        } else if (!given.asText().equals(kept.asText())) {
            lost.add(path + " (" + given.asText() + ")");
        }
    }

    private static void walk(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.strimzi.") && !type.startsWith("io.fabric8.")) {
            return;
        }
        if (value instanceof UnknownPropertyPreserving preserving && preserving.getAdditionalProperties() != null) {
            preserving.getAdditionalProperties().keySet().forEach(name -> unknown.add(path + "." + name));
        }
        if (type.startsWith("io.fabric8.")) {
            fabric8Unknown(value, path, unknown);
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("additionalProperties")) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    walk(field.get(value), path + "." + field.getName(), unknown, seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Not reachable by reflection: nothing of ours lives there.
                }
            }
        }
    }

    /** fabric8's objects (metadata, pod templates) also keep unknown fields, in getAdditionalProperties(). */
    private static void fabric8Unknown(Object value, String path, List<String> unknown) {
        try {
            Object extra = value.getClass().getMethod("getAdditionalProperties").invoke(value);
            if (extra instanceof Map<?, ?> map) {
                map.keySet().forEach(name -> unknown.add(path + "." + name));
            }
        } catch (ReflectiveOperationException e) {
            // No such method: the class keeps no unknown fields.
        }
    }
}
