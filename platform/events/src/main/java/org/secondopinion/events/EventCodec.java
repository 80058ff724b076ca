package org.secondopinion.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns envelopes into JSON and back. Unknown fields are ignored on read because event changes are
 * additive: a consumer built against an older version keeps working. Errors name the problem, never
 * the payload, because payloads carry health data.
 *
 * <p>Decimal numbers are read as {@link java.math.BigDecimal} with their scale, never through
 * {@code double}: decoding goes through a JSON tree, which would otherwise turn {@code 25.00} into
 * {@code 25.0}, and money must arrive exactly as it was sent.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    /** The mapper used for event JSON, for tests and tools that need the same settings. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The structured-mode CloudEvents JSON of an envelope; null fields of the data are left out. */
    public static String encode(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + envelope.type() + " could not be serialised", e);
        }
    }

    /**
     * Reads a structured-mode CloudEvents record into an envelope with its typed data.
     *
     * @throws MalformedEventException when the record is not a valid event of a known type
     */
    public static EventEnvelope<DomainEvent> decode(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("Empty event record");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Event record is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("Event record is not a JSON object");
        }
        String specversion = text(root, "specversion");
        if (!EventEnvelope.SPEC_VERSION.equals(specversion)) {
            throw new MalformedEventException("Unsupported CloudEvents specversion");
        }
        String type = text(root, "type");
        EventType eventType;
        try {
            eventType = EventType.forType(type);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("Unknown event type '" + type + "'");
        }
        UUID id;
        Instant time;
        try {
            id = UUID.fromString(text(root, "id"));
            time = Instant.parse(text(root, "time"));
        } catch (RuntimeException e) {
            throw new MalformedEventException("Event " + type + " has an invalid id or time");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("Event " + type + " has no data object");
        }
        DomainEvent event;
        try {
            event = MAPPER.treeToValue(data, eventType.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + type + " has data that does not match its type");
        }
        String datacontenttype = root.hasNonNull("datacontenttype") ? root.get("datacontenttype").asText()
                : EventEnvelope.DATA_CONTENT_TYPE;
        return new EventEnvelope<>(specversion, id, type, text(root, "source"), text(root, "subject"), time,
                datacontenttype, event);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new MalformedEventException("Event record has no '" + field + "'");
        }
        return node.asText();
    }
}
