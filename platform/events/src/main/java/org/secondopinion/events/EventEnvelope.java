package org.secondopinion.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope (structured mode) around one {@link DomainEvent}.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event; consumers deduplicate on it
 * @param type the versioned event type, for example {@code case.submitted.v1}
 * @param source the producing service, for example {@code /case-service}
 * @param subject the case id (or the subject the event names); also the Kafka key
 * @param time when the fact became true
 * @param datacontenttype always {@value #DATA_CONTENT_TYPE}
 * @param data the event itself
 */
public record EventEnvelope<T extends DomainEvent>(
        String specversion,
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka record header value for {@code content-type} of structured CloudEvents. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** Wraps an event produced now by {@code source}, with a fresh id and the type from {@link EventType}. */
    public static <T extends DomainEvent> EventEnvelope<T> of(String source, T data) {
        return new EventEnvelope<>(SPEC_VERSION, Uuids.timeOrdered(), EventType.of(data).type(), source,
                data.subject(), Instant.now().truncatedTo(ChronoUnit.MICROS), DATA_CONTENT_TYPE, data);
    }

    public EventType eventType() {
        return EventType.forType(type);
    }
}
