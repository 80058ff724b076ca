package org.secondopinion.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The published JSON Schemas against what the code really sends: every event's sample validates,
 * the schemas reject what consumers must not accept, and each schema describes exactly the record's
 * fields, types, enums and required fields. Parameterised over every {@link EventType}, so a new
 * event without a sample and a schema fails here.
 */
class EventSchemaTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleEnvelopeValidatesAgainstItsSchema(EventType type) {
        JsonNode event = encodedSample(type);

        Set<ValidationMessage> errors = Schemas.validate(type, event);

        assertTrue(errors.isEmpty(), () -> type + " sample does not match its schema: " + errors);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void missingRequiredDataFieldFailsValidationAndDecoding(EventType type) {
        Schemas.Node data = Schemas.Node.root(type).get("properties").get("data");
        List<String> required = texts(data.json().path("required"));
        assertFalse(required.isEmpty(), type + " schema requires no data field");
        Set<String> primitives = Arrays.stream(type.dataClass().getRecordComponents())
                .filter(c -> c.getType().isPrimitive()).map(RecordComponent::getName).collect(Collectors.toSet());

        for (String field : required) {
            ObjectNode event = encodedSample(type);
            ((ObjectNode) event.get("data")).remove(field);

            assertFalse(Schemas.validate(type, event).isEmpty(), type + " schema accepts data without " + field);
            // Consumers decode without the schema: a missing object must be rejected there too. A missing
            // primitive decodes as its default, which is why producers always send them.
            if (!primitives.contains(field)) {
                assertThrows(MalformedEventException.class, () -> EventCodec.decode(event.toString()),
                        type + " decodes without " + field);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsABrokenEnvelope(EventType type) {
        EventType other = EventType.values()[(type.ordinal() + 1) % EventType.values().length];
        assertRejected(type, event -> event.put("type", other.type()));
        assertRejected(type, event -> event.remove("id"));
        assertRejected(type, event -> event.put("id", "not-a-uuid"));
        assertRejected(type, event -> event.put("time", "yesterday"));
        assertRejected(type, event -> event.put("specversion", "0.3"));
        assertRejected(type, event -> event.remove("subject"));
        assertRejected(type, event -> event.put("data", "text"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void decodingTheEncodedEnvelopeGivesItBack(EventType type) {
        DomainEvent sample = SampleEvents.of(type);
        EventEnvelope<DomainEvent> envelope = EventEnvelope.of("/test", sample);

        EventEnvelope<DomainEvent> decoded = EventCodec.decode(EventCodec.encode(envelope));

        assertEquals(sample, decoded.data());
        assertEquals(envelope, decoded);
        assertEquals(type, decoded.eventType());
        assertEquals(sample.subject(), decoded.subject());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleIsFullyPopulatedSoTheSchemaCheckCoversEveryField(EventType type) {
        assertPopulated(SampleEvents.of(type), type.title());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyTheRecordsFieldsAndTypes(EventType type) {
        assertDescribes(Schemas.Node.root(type).get("properties").get("data"), type.dataClass(), type.title());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRequiresExactlyWhatTheRecordRequires(EventType type) {
        assertRequiredMatches((Record) SampleEvents.of(type), Schemas.Node.root(type).get("properties").get("data"),
                type.title());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaNamesItsEventAndType(EventType type) {
        Schemas.Node root = Schemas.Node.root(type);
        assertEquals("https://json-schema.org/draft/2020-12/schema", root.text("$schema"));
        assertEquals(type.title(), root.text("title"));
        assertEquals(type.type(), root.get("properties").get("type").text("const"));
        assertTrue(texts(root.json().path("required")).containsAll(
                List.of("specversion", "id", "type", "source", "subject", "time", "data")));
    }

    @Test
    void providersMatchedFromAnOlderProducerWithoutRecommendedOutcomesIsValidAndReadsAsEmpty() {
        ObjectNode event = encodedSample(EventType.PROVIDERS_MATCHED);
        ((ObjectNode) event.get("data")).remove("recommended");

        assertTrue(Schemas.validate(EventType.PROVIDERS_MATCHED, event).isEmpty());
        ProvidersMatched decoded = (ProvidersMatched) EventCodec.decode(event.toString()).data();
        assertEquals(List.of(), decoded.recommended());
        assertEquals(1, decoded.candidates().size());
    }

    @Test
    void aRecommendedPhysicianHasARankExactlyWhenQualifyingInTheSchemaAndTheRecord() {
        ObjectNode event = encodedSample(EventType.PROVIDERS_MATCHED);
        ObjectNode outcome = (ObjectNode) event.get("data").get("recommended").get(0);
        outcome.remove("rank");
        assertFalse(Schemas.validate(EventType.PROVIDERS_MATCHED, event).isEmpty(), "qualifies without a rank");
        assertThrows(MalformedEventException.class, () -> EventCodec.decode(event.toString()));

        outcome.put("rank", 2).put("qualifies", false);
        assertFalse(Schemas.validate(EventType.PROVIDERS_MATCHED, event).isEmpty(), "a rank without qualifying");
        assertThrows(MalformedEventException.class, () -> EventCodec.decode(event.toString()));

        outcome.remove("rank");
        outcome.remove("name");
        outcome.put("inDirectory", false);
        outcome.putArray("reasons").add("not in the directory: credentials cannot be verified");
        assertTrue(Schemas.validate(EventType.PROVIDERS_MATCHED, event).isEmpty(), "not in the directory, not qualifying");
        ProvidersMatched decoded = (ProvidersMatched) EventCodec.decode(event.toString()).data();
        assertEquals(new ProvidersMatched.RecommendedOutcome(SampleEvents.REVIEWER_NPI, null, false, false, null,
                List.of("not in the directory: credentials cannot be verified")), decoded.recommended().get(0));

        outcome.put("qualifies", true).put("rank", 1);
        assertFalse(Schemas.validate(EventType.PROVIDERS_MATCHED, event).isEmpty(), "qualifies outside the directory");
        assertThrows(MalformedEventException.class, () -> EventCodec.decode(event.toString()));
    }

    // --- helpers ---

    private static ObjectNode encodedSample(EventType type) {
        try {
            return (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventEnvelope.of("/test", SampleEvents.of(type))));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRejected(EventType type, java.util.function.Consumer<ObjectNode> breakIt) {
        ObjectNode event = encodedSample(type);
        breakIt.accept(event);
        assertFalse(Schemas.validate(type, event).isEmpty(), () -> type + " schema accepts " + event);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Every component set and every list non-empty, recursively. */
    private static void assertPopulated(Object value, String path) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child = read(component, record);
                assertNotNull(child, path + "." + component.getName() + " is not set in the sample");
                assertPopulated(child, path + "." + component.getName());
            }
        } else if (value instanceof List<?> list) {
            assertFalse(list.isEmpty(), path + " is empty in the sample");
            list.forEach(element -> assertPopulated(element, path + "[]"));
        }
    }

    /** The schema node describes the Java type: same properties, JSON types, formats and enum values. */
    private static void assertDescribes(Schemas.Node schema, Type javaType, String path) {
        JsonNode json = schema.json();
        if (javaType instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            assertEquals("array", json.path("type").asText(), path + " should be an array");
            assertDescribes(schema.get("items"), parameterized.getActualTypeArguments()[0], path + "[]");
            return;
        }
        Class<?> type = (Class<?>) javaType;
        if (type.isRecord()) {
            assertEquals("object", json.path("type").asText(), path + " should be an object");
            Set<String> properties = new HashSet<>();
            json.path("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            assertEquals(components, properties, path + ": schema properties differ from the record's fields");
            for (RecordComponent component : type.getRecordComponents()) {
                assertDescribes(schema.get("properties").get(component.getName()), component.getGenericType(),
                        path + "." + component.getName());
            }
        } else if (type.isEnum()) {
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            assertEquals(constants, texts(json.path("enum")), path + ": enum values differ from " + type.getSimpleName());
        } else if (type == String.class) {
            assertEquals("string", json.path("type").asText(), path);
        } else if (type == boolean.class || type == Boolean.class) {
            assertEquals("boolean", json.path("type").asText(), path);
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            assertEquals("integer", json.path("type").asText(), path);
        } else if (type == double.class || type == Double.class || type == BigDecimal.class) {
            assertEquals("number", json.path("type").asText(), path);
        } else if (type == Instant.class) {
            assertEquals("date-time", json.path("format").asText(), path);
        } else if (type == LocalDate.class) {
            assertEquals("date", json.path("format").asText(), path);
        } else {
            fail(path + ": no schema mapping for " + type);
        }
    }

    /**
     * A field is required in the schema exactly when the record cannot be built without it:
     * primitives always, objects when the constructor rejects null. Lists are never required (an
     * absent list reads as empty). A field whose absence the constructor rejects only in combination
     * with others is left to the record.
     */
    private static void assertRequiredMatches(Record record, Schemas.Node schema, String path) {
        Set<String> required = new HashSet<>(texts(schema.json().path("required")));
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = component.getName();
            Object value = read(component, record);
            Schemas.Node property = schema.get("properties").get(name);
            if (component.getType().isPrimitive()) {
                assertTrue(required.contains(name), path + "." + name + " is always sent but not required");
            } else if (value instanceof List<?> list) {
                assertFalse(required.contains(name), path + "." + name + ": lists are not required");
                for (Object element : list) {
                    if (element instanceof Record nested) {
                        assertRequiredMatches(nested, property.get("items"), path + "." + name + "[]");
                    }
                }
            } else {
                Throwable failure = constructWithout(record, i);
                if (failure instanceof NullPointerException) {
                    assertTrue(required.contains(name), path + "." + name + " is required by the record, not the schema");
                } else if (failure == null) {
                    assertFalse(required.contains(name), path + "." + name + " is optional in the record, required in the schema");
                } else {
                    assertInstanceOf(IllegalArgumentException.class, failure, path + "." + name);
                }
                if (value instanceof Record nested) {
                    assertRequiredMatches(nested, property, path + "." + name);
                }
            }
        }
    }

    private static Throwable constructWithout(Record record, int index) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        List<Object> args = new ArrayList<>();
        for (RecordComponent component : components) {
            args.add(read(component, record));
        }
        args.set(index, null);
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.newInstance(args.toArray());
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
