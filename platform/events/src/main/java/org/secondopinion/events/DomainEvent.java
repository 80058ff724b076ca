package org.secondopinion.events;

/**
 * The data of an event: a past-tense fact that one service publishes and others react to.
 * Every implementation is a record listed in {@link EventType}, which gives its CloudEvents type,
 * topic and JSON Schema. The interface is sealed so that a switch over events is checked for
 * completeness and a new event cannot be added without its catalogue entry.
 */
public sealed interface DomainEvent permits
        CaseSubmitted,
        CoverageDetermined,
        EligibilityInquiry,
        EligibilityAnswer,
        ProvidersMatched,
        PhysicianSelected,
        RecordsCompleted,
        DocumentsRequested,
        PhysicianDeclined,
        OpinionIssued,
        OpinionAmended,
        ProviderLetterIssued,
        CaseCancelled,
        PatientDecisionRecorded,
        PhysicianCredentialsChanged {

    /**
     * The CloudEvents subject and the Kafka key: the case id for case events, so that one case's
     * events stay in order on one partition. {@link PhysicianCredentialsChanged} uses the NPI, and
     * {@link EligibilityAnswer} the trace number when the insurer did not echo the case id.
     */
    String subject();
}
