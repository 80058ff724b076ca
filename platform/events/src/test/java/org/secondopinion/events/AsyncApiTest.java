package org.secondopinion.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The AsyncAPI document published for insurers and integrators matches the catalogue: a message per
 * event pointing at its schema, a channel per topic carrying exactly that topic's events, one
 * producer and at least one consumer per event, and examples that are valid events.
 */
class AsyncApiTest {

    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Schemas.resource("asyncapi.yaml")) {
            doc = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3DocumentWithAKafkaServer() {
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertEquals("Second Opinion platform events", doc.path("info").path("title").asText());
        assertFalse(doc.path("info").path("version").asText().isBlank());
        JsonNode servers = doc.path("servers");
        assertTrue(servers.size() > 0, "no servers");
        servers.forEach(server -> assertEquals("kafka", server.path("protocol").asText()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventHasAMessageWhosePayloadIsItsSchema(EventType type) {
        JsonNode message = message(type);
        assertEquals(type.title(), message.path("name").asText());
        assertEquals("application/cloudevents+json", message.path("contentType").asText());

        String ref = message.path("payload").path("$ref").asText();
        assertEquals("./" + type.schemaResource(), ref, type.title() + " payload");
        // The document sits at the classpath root, so its relative reference is a classpath resource.
        assertNotNull(getClass().getClassLoader().getResource(ref.substring(2)), ref + " is not on the classpath");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyExampleIsAValidEventOfItsType(EventType type) throws IOException {
        JsonNode examples = message(type).path("examples");
        for (JsonNode example : examples) {
            JsonNode payload = example.path("payload");
            Set<ValidationMessage> errors = Schemas.validate(type, payload);
            assertTrue(errors.isEmpty(), () -> type.title() + " example " + example.path("name") + ": " + errors);
            EventEnvelope<DomainEvent> decoded = EventCodec.decode(EventCodec.mapper().writeValueAsString(payload));
            assertEquals(decoded.data().subject(), decoded.subject(), type.title() + " example subject");
        }
    }

    @Test
    void insurerFacingAndFirstEventsHaveExamples() {
        for (EventType type : List.of(EventType.CASE_SUBMITTED, EventType.COVERAGE_DETERMINED,
                EventType.ELIGIBILITY_INQUIRY, EventType.ELIGIBILITY_ANSWER)) {
            assertTrue(message(type).path("examples").size() > 0, type.title() + " has no example");
        }
    }

    @Test
    void everyTopicIsAChannelCarryingExactlyItsEvents() {
        Map<String, JsonNode> channelsByAddress = new HashMap<>();
        doc.path("channels").forEach(channel -> channelsByAddress.put(channel.path("address").asText(), channel));
        assertEquals(new HashSet<>(Topics.ALL), channelsByAddress.keySet());

        for (String topic : Topics.ALL) {
            Set<String> expected = Arrays.stream(EventType.values()).filter(t -> t.topic().equals(topic))
                    .map(EventType::title).collect(Collectors.toSet());
            Set<String> actual = new HashSet<>();
            channelsByAddress.get(topic).path("messages")
                    .forEach(ref -> actual.add(resolve(ref).path("name").asText()));
            assertEquals(expected, actual, "messages of channel " + topic);
        }
    }

    @Test
    void everyEventHasOneProducerAndAtLeastOneConsumer() {
        Map<String, List<String>> senders = new HashMap<>();
        Map<String, List<String>> receivers = new HashMap<>();
        doc.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            JsonNode channel = resolve(operation.path("channel"));
            assertFalse(channel.isMissingNode(), entry.getKey() + " names no channel");
            assertTrue(operation.path("messages").size() > 0, entry.getKey() + " lists no messages");
            for (JsonNode ref : operation.path("messages")) {
                // AsyncAPI 3: an operation's messages must be messages of its own channel.
                String pointer = ref.path("$ref").asText();
                String channelPointer = operation.path("channel").path("$ref").asText();
                assertTrue(pointer.startsWith(channelPointer + "/messages/"), entry.getKey() + ": " + pointer);
                String name = resolve(ref).path("name").asText();
                Map<String, List<String>> byAction = switch (operation.path("action").asText()) {
                    case "send" -> senders;
                    case "receive" -> receivers;
                    default -> throw new AssertionError(entry.getKey() + " has no valid action");
                };
                byAction.computeIfAbsent(name, n -> new ArrayList<>()).add(entry.getKey());
            }
        });
        for (EventType type : EventType.values()) {
            assertEquals(1, senders.getOrDefault(type.title(), List.of()).size(), type.title() + " producers");
            assertFalse(receivers.getOrDefault(type.title(), List.of()).isEmpty(), type.title() + " has no consumer");
        }
    }

    private static JsonNode message(EventType type) {
        JsonNode message = doc.path("components").path("messages").path(type.title());
        assertFalse(message.isMissingNode(), "no message " + type.title());
        return message;
    }

    /** Follows a local {@code $ref} ({@code #/...}); returns the node itself when it is not a reference. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.path("$ref").asText();
            assertTrue(ref.startsWith("#/"), "not a local reference: " + ref);
            node = doc.at(ref.substring(1));
            assertFalse(node.isMissingNode(), "unresolvable " + ref);
        }
        return node;
    }
}
