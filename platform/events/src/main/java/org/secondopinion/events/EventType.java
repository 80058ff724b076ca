package org.secondopinion.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every event: its CloudEvents type, its data record, the topic it is published on,
 * its JSON Schema and its name in the architecture and AsyncAPI document. A type string never
 * changes meaning; an incompatible change is a new constant with a new version.
 */
public enum EventType {

    CASE_SUBMITTED("case.submitted.v1", "CaseSubmitted", CaseSubmitted.class, Topics.CASES),
    COVERAGE_DETERMINED("coverage.determined.v1", "CoverageDetermined", CoverageDetermined.class, Topics.COVERAGE),
    ELIGIBILITY_INQUIRY("eligibility.inquiry.v1", "EligibilityInquiry", EligibilityInquiry.class, Topics.INSURER_INQUIRIES),
    ELIGIBILITY_ANSWER("eligibility.answer.v1", "EligibilityAnswer", EligibilityAnswer.class, Topics.INSURER_ANSWERS),
    PROVIDERS_MATCHED("providers.matched.v1", "ProvidersMatched", ProvidersMatched.class, Topics.PROVIDERS),
    PHYSICIAN_SELECTED("case.physician-selected.v1", "PhysicianSelected", PhysicianSelected.class, Topics.CASES),
    RECORDS_COMPLETED("case.records-completed.v1", "RecordsCompleted", RecordsCompleted.class, Topics.CASES),
    DOCUMENTS_REQUESTED("case.documents-requested.v1", "DocumentsRequested", DocumentsRequested.class, Topics.CASES),
    PHYSICIAN_DECLINED("case.physician-declined.v1", "PhysicianDeclined", PhysicianDeclined.class, Topics.CASES),
    OPINION_ISSUED("opinion.issued.v1", "OpinionIssued", OpinionIssued.class, Topics.REPORTS),
    OPINION_AMENDED("opinion.amended.v1", "OpinionAmended", OpinionAmended.class, Topics.REPORTS),
    PROVIDER_LETTER_ISSUED("provider-letter.issued.v1", "ProviderLetterIssued", ProviderLetterIssued.class, Topics.REPORTS),
    CASE_CANCELLED("case.cancelled.v1", "CaseCancelled", CaseCancelled.class, Topics.CASES),
    PATIENT_DECISION_RECORDED("case.patient-decision-recorded.v1", "PatientDecisionRecorded",
            PatientDecisionRecorded.class, Topics.CASES),
    PHYSICIAN_CREDENTIALS_CHANGED("physician.credentials-changed.v1", "PhysicianCredentialsChanged",
            PhysicianCredentialsChanged.class, Topics.PROVIDERS);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String type;
    private final String title;
    private final Class<? extends DomainEvent> dataClass;
    private final String topic;

    EventType(String type, String title, Class<? extends DomainEvent> dataClass, String topic) {
        this.type = type;
        this.title = title;
        this.dataClass = dataClass;
        this.topic = topic;
    }

    /** The CloudEvents {@code type}, lower-case and dotted with its version, for example {@code case.submitted.v1}. */
    public String type() {
        return type;
    }

    /** The event's name in ARCHITECTURE.md and the AsyncAPI document, for example {@code CaseSubmitted}. */
    public String title() {
        return title;
    }

    /** The record that carries the event's data. */
    public Class<? extends DomainEvent> dataClass() {
        return dataClass;
    }

    /** The Kafka topic the event is published on, one of {@link Topics#ALL}. */
    public String topic() {
        return topic;
    }

    /** The classpath resource of the event's JSON Schema, which describes the whole envelope. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    /**
     * The event type for a CloudEvents {@code type}.
     *
     * @throws IllegalArgumentException when no event has that type
     */
    public static EventType forType(String type) {
        EventType eventType = type == null ? null : BY_TYPE.get(type);
        if (eventType == null) {
            throw new IllegalArgumentException("Unknown event type '" + type + "'");
        }
        return eventType;
    }

    /**
     * The event type whose data is {@code dataClass}.
     *
     * @throws IllegalArgumentException when the class is not an event record
     */
    public static EventType forClass(Class<?> dataClass) {
        EventType eventType = dataClass == null ? null : BY_CLASS.get(dataClass);
        if (eventType == null) {
            throw new IllegalArgumentException("Not an event class: " + dataClass);
        }
        return eventType;
    }

    /** The event type of an event. Exhaustive over the sealed {@link DomainEvent}, so a new record must be added here. */
    public static EventType of(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        return switch (event) {
            case CaseSubmitted e -> CASE_SUBMITTED;
            case CoverageDetermined e -> COVERAGE_DETERMINED;
            case EligibilityInquiry e -> ELIGIBILITY_INQUIRY;
            case EligibilityAnswer e -> ELIGIBILITY_ANSWER;
            case ProvidersMatched e -> PROVIDERS_MATCHED;
            case PhysicianSelected e -> PHYSICIAN_SELECTED;
            case RecordsCompleted e -> RECORDS_COMPLETED;
            case DocumentsRequested e -> DOCUMENTS_REQUESTED;
            case PhysicianDeclined e -> PHYSICIAN_DECLINED;
            case OpinionIssued e -> OPINION_ISSUED;
            case OpinionAmended e -> OPINION_AMENDED;
            case ProviderLetterIssued e -> PROVIDER_LETTER_ISSUED;
            case CaseCancelled e -> CASE_CANCELLED;
            case PatientDecisionRecorded e -> PATIENT_DECISION_RECORDED;
            case PhysicianCredentialsChanged e -> PHYSICIAN_CREDENTIALS_CHANGED;
        };
    }
}
