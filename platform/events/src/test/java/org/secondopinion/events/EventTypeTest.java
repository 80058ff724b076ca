package org.secondopinion.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secondopinion.events.model.SecondOpinionReason;

/** The catalogue is complete and consistent: every event record has exactly one type, topic and schema. */
class EventTypeTest {

    private static final Pattern TYPE = Pattern.compile("[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+\\.v[1-9][0-9]*");

    @Test
    void catalogueListsExactlyThePermittedEventRecords() {
        Set<Class<?>> permitted = Set.of(DomainEvent.class.getPermittedSubclasses());
        Set<Class<?>> catalogued = Arrays.stream(EventType.values()).map(EventType::dataClass).collect(Collectors.toSet());
        assertEquals(permitted, catalogued);
        assertEquals(EventType.values().length, catalogued.size(), "two types share a record");
        catalogued.forEach(c -> assertTrue(c.isRecord(), c + " is not a record"));
    }

    @Test
    void typesAreUnique() {
        Set<String> types = new HashSet<>();
        for (EventType type : EventType.values()) {
            assertTrue(types.add(type.type()), "duplicate " + type.type());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTypeIsConsistent(EventType type) {
        assertTrue(TYPE.matcher(type.type()).matches(), type.type());
        assertEquals(type.dataClass().getSimpleName(), type.title());
        assertTrue(Topics.ALL.contains(type.topic()), type.topic());
        assertEquals("schemas/" + type.type() + ".json", type.schemaResource());
        assertNotNull(getClass().getClassLoader().getResource(type.schemaResource()), type.schemaResource());

        assertEquals(type, EventType.forType(type.type()));
        assertEquals(type, EventType.forClass(type.dataClass()));
        assertEquals(type, EventType.of(SampleEvents.of(type)));
    }

    @Test
    void unknownTypesAndClassesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EventType.forType("case.submitted.v0"));
        assertThrows(IllegalArgumentException.class, () -> EventType.forType(null));
        assertThrows(IllegalArgumentException.class, () -> EventType.forClass(String.class));
        assertThrows(IllegalArgumentException.class, () -> EventType.forClass(null));
    }

    @Test
    void envelopeTakesTypeAndSubjectFromTheEvent() {
        EventEnvelope<CaseSubmitted> envelope = EventEnvelope.of("/case-service", SampleEvents.caseSubmitted());
        assertEquals("case.submitted.v1", envelope.type());
        assertEquals(SampleEvents.CASE_ID, envelope.subject());
        assertEquals(EventEnvelope.SPEC_VERSION, envelope.specversion());
        assertEquals(EventEnvelope.DATA_CONTENT_TYPE, envelope.datacontenttype());
    }

    @Test
    void subjectIsTheCaseIdExceptForCredentialsAndUnechoedAnswers() {
        for (EventType type : EventType.values()) {
            DomainEvent event = SampleEvents.of(type);
            String expected = type == EventType.PHYSICIAN_CREDENTIALS_CHANGED ? SampleEvents.OTHER_NPI : SampleEvents.CASE_ID;
            assertEquals(expected, event.subject(), type.title());
        }
        EligibilityAnswer unechoed = new EligibilityAnswer("TRN-1", "EXAMPLE-HEALTH", null, true, true, true, null,
                null, null, null, null, null, null, null, java.time.Instant.parse("2026-03-02T09:16:05Z"));
        assertEquals("TRN-1", unechoed.subject());
    }

    @Test
    void listsAreNeverNullAndCannotBeChanged() {
        CaseSubmitted sample = SampleEvents.caseSubmitted();
        CaseSubmitted withoutLists = new CaseSubmitted(sample.caseId(), sample.patientId(), null, sample.area(), null,
                sample.conditionDescription(), sample.primaryProvider(), sample.primaryDiagnosis(), null, false, false,
                null, sample.location(), null, null, null, null, sample.submittedAt());
        assertEquals(List.of(), withoutLists.reasons());
        assertEquals(List.of(), withoutLists.questions());
        assertEquals(List.of(), withoutLists.excludedPhysicianNpis());
        assertThrows(UnsupportedOperationException.class,
                () -> sample.reasons().add(SecondOpinionReason.REASSURANCE));

        List<SecondOpinionReason> mutable = new java.util.ArrayList<>(List.of(SecondOpinionReason.REASSURANCE));
        CaseSubmitted copy = new CaseSubmitted(sample.caseId(), sample.patientId(), null, sample.area(), mutable,
                sample.conditionDescription(), sample.primaryProvider(), sample.primaryDiagnosis(), null, false, false,
                null, sample.location(), null, null, null, null, sample.submittedAt());
        mutable.clear();
        assertEquals(List.of(SecondOpinionReason.REASSURANCE), copy.reasons(), "the record keeps its own copy");
    }
}
