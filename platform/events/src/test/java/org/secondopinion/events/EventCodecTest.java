package org.secondopinion.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What consumers get from {@link EventCodec#decode}: bad records are rejected with a
 * {@link MalformedEventException} (so they go to the dead-letter topic) whose message never repeats
 * the payload, and records from a newer producer with extra fields are accepted.
 */
class EventCodecTest {

    private static final String SECRET = "SECRET-HEALTH-DETAIL";

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"specversion\": ", "[1, 2]", "\"text\"", "42"})
    void rejectsRecordsThatAreNotAJsonObject(String record) {
        assertThrows(MalformedEventException.class, () -> EventCodec.decode(record));
    }

    @Test
    void rejectsNull() {
        assertThrows(MalformedEventException.class, () -> EventCodec.decode(null));
    }

    @Test
    void rejectsAnUnknownType() {
        MalformedEventException e = assertMalformed(event -> event.put("type", "case.exploded.v1"));
        assertTrue(e.getMessage().contains("case.exploded.v1"), "names the type it does not know");
    }

    @Test
    void rejectsAMissingOrInvalidEnvelopeAttribute() {
        assertMalformed(event -> event.remove("id"));
        assertMalformed(event -> event.put("id", "not-a-uuid"));
        assertMalformed(event -> event.remove("type"));
        assertMalformed(event -> event.remove("source"));
        assertMalformed(event -> event.remove("subject"));
        assertMalformed(event -> event.remove("time"));
        assertMalformed(event -> event.put("time", "2026-03-02"));
        assertMalformed(event -> event.put("specversion", "0.3"));
        assertMalformed(event -> event.remove("data"));
        assertMalformed(event -> event.put("data", "text"));
    }

    @Test
    void rejectsDataOfTheWrongShape() {
        assertMalformed(event -> data(event).remove("caseId"));
        assertMalformed(event -> data(event).putObject("caseId"));
        assertMalformed(event -> data(event).put("submittedAt", "last tuesday"));
        assertMalformed(event -> data(event).put("reasons", "SURGERY_RECOMMENDED"));
        assertMalformed(event -> data(event).putArray("reasons").add("BORED"));
        assertMalformed(event -> ((ObjectNode) data(event).get("primaryProvider")).remove("npi"));
        assertMalformed(event -> data(event).putArray("questions").addNull());
    }

    @Test
    void rejectsDataOfAnotherEvent() {
        assertMalformed(event -> event.put("type", EventType.OPINION_ISSUED.type()));
    }

    @Test
    void errorMessagesNeverRepeatThePayload() {
        MalformedEventException e = assertMalformed(event -> {
            data(event).put("conditionDescription", SECRET);
            data(event).put("primaryDiagnosis", SECRET);
            data(event).putObject("caseId").put("note", SECRET);
        });
        assertFalse(messages(e).contains(SECRET), "the message repeats health data: " + messages(e));

        MalformedEventException bad = assertThrows(MalformedEventException.class,
                () -> EventCodec.decode("{\"specversion\": \"1.0\", \"note\": \"" + SECRET));
        assertFalse(messages(bad).contains(SECRET));
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        DomainEvent sample = SampleEvents.caseSubmitted();
        ObjectNode event = encoded(sample);
        event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        data(event).put("addedInALaterRelease", "anything");
        ((ObjectNode) data(event).get("primaryProvider")).put("phone", "555-0100");
        ((ObjectNode) data(event).withArray("questions").get(0)).put("priority", 1);

        EventEnvelope<DomainEvent> decoded = EventCodec.decode(event.toString());

        assertEquals(sample, decoded.data());
    }

    @Test
    void absentOptionalFieldsReadAsNullAndAbsentListsAsEmpty() {
        ObjectNode event = encoded(SampleEvents.caseSubmitted());
        data(event).remove(List.of("insurance", "recommendedTreatment", "previousCaseId", "reasons", "questions",
                "excludedPhysicianNpis"));

        CaseSubmitted decoded = (CaseSubmitted) EventCodec.decode(event.toString()).data();

        assertNull(decoded.insurance());
        assertNull(decoded.recommendedTreatment());
        assertNull(decoded.previousCaseId());
        assertEquals(List.of(), decoded.reasons());
        assertEquals(List.of(), decoded.questions());
        assertEquals(List.of(), decoded.excludedPhysicianNpis());
    }

    @Test
    void leavesNullFieldsOutAndWritesMoneyAsExactNumbers() {
        CoverageDetermined sample = (CoverageDetermined) SampleEvents.of(EventType.COVERAGE_DETERMINED);
        CoverageDetermined withoutPlan = new CoverageDetermined(sample.caseId(), sample.determinationId(),
                sample.outcome(), true, sample.payerId(), null, null, sample.networks(), true, sample.copay(),
                null, false, sample.selfPayEstimate(), sample.reasons(), null, sample.determinedAt());

        String json = EventCodec.encode(EventEnvelope.of("/insurance-eligibility-service", withoutPlan));

        assertFalse(json.contains("planId") || json.contains("null"), json);
        assertTrue(json.contains("\"amount\":25.00"), json);
        CoverageDetermined decoded = (CoverageDetermined) EventCodec.decode(json).data();
        assertEquals(new BigDecimal("25.00"), decoded.copay().amount(), "scale survives the round trip");
        assertEquals(withoutPlan, decoded);
    }

    @Test
    void defaultsTheDataContentType() {
        ObjectNode event = encoded(SampleEvents.caseSubmitted());
        event.remove("datacontenttype");
        assertEquals(EventEnvelope.DATA_CONTENT_TYPE, EventCodec.decode(event.toString()).datacontenttype());
    }

    // --- helpers ---

    private static MalformedEventException assertMalformed(Consumer<ObjectNode> breakIt) {
        ObjectNode event = encoded(SampleEvents.caseSubmitted());
        breakIt.accept(event);
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> EventCodec.decode(event.toString()),
                () -> "accepted " + event);
        assertInstanceOf(RuntimeException.class, e);
        return e;
    }

    private static ObjectNode encoded(DomainEvent event) {
        try {
            return (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventEnvelope.of("/test", event)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode data(JsonNode event) {
        return (ObjectNode) event.get("data");
    }

    /** The message of the exception and all its causes, as a log line would show them. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
