package org.secondopinion.cases.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.secondopinion.platform.messaging.RetryTransient;
import org.secondopinion.cases.service.CaseEventHandler;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.CoverageDetermined;
import org.secondopinion.events.DocumentsRequested;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EligibilityAnswer;
import org.secondopinion.events.EligibilityInquiry;
import org.secondopinion.events.OpinionAmended;
import org.secondopinion.events.OpinionIssued;
import org.secondopinion.events.PatientDecisionRecorded;
import org.secondopinion.events.PhysicianCredentialsChanged;
import org.secondopinion.events.PhysicianDeclined;
import org.secondopinion.events.PhysicianSelected;
import org.secondopinion.events.ProviderLetterIssued;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.RecordsCompleted;
import org.secondopinion.platform.inbox.EventInbox;

/** case-service's consumers: coverage, provider matches and opinions, each applied once. */
@ApplicationScoped
public class CaseEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    CaseEventHandler handler;

    @Incoming("coverage")
    @RetryTransient
    @Transactional
    public void onCoverage(String record) {
        inbox.firstDelivery("coverage", record).ifPresent(envelope -> apply(envelope.data()));
    }

    @Incoming("providers")
    @RetryTransient
    @Transactional
    public void onProviders(String record) {
        inbox.firstDelivery("providers", record).ifPresent(envelope -> apply(envelope.data()));
    }

    @Incoming("reports")
    @RetryTransient
    @Transactional
    public void onReports(String record) {
        inbox.firstDelivery("reports", record).ifPresent(envelope -> apply(envelope.data()));
    }

    private void apply(DomainEvent event) {
        switch (event) {
            case CoverageDetermined e -> handler.apply(e);
            case ProvidersMatched e -> handler.apply(e);
            case OpinionIssued e -> handler.apply(e);
            case OpinionAmended e -> handler.apply(e);
            // Facts on these topics that do not change a case.
            case PhysicianCredentialsChanged e -> { }
            case ProviderLetterIssued e -> { }
            // Our own events and the insurer pair never arrive on the topics we read.
            case CaseSubmitted e -> { }
            case EligibilityInquiry e -> { }
            case EligibilityAnswer e -> { }
            case PhysicianSelected e -> { }
            case RecordsCompleted e -> { }
            case DocumentsRequested e -> { }
            case PhysicianDeclined e -> { }
            case CaseCancelled e -> { }
            case PatientDecisionRecorded e -> { }
        }
    }
}
