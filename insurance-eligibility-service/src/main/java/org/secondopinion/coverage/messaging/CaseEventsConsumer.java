package org.secondopinion.coverage.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.secondopinion.platform.messaging.RetryTransient;
import org.secondopinion.coverage.service.EligibilityService;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.platform.inbox.EventInbox;

/** case-service's events: a submitted case gets its coverage determined; a cancelled one gives back its benefit use. */
@ApplicationScoped
public class CaseEventsConsumer {

    static final String CHANNEL = "cases";

    @Inject
    EventInbox inbox;

    @Inject
    EligibilityService eligibility;

    @Incoming(CHANNEL)
    @RetryTransient
    @Transactional
    public void onCaseEvent(String record) {
        inbox.firstDelivery(CHANNEL, record).ifPresent(envelope -> {
            switch (envelope.data()) {
                case CaseSubmitted submitted -> eligibility.onCaseSubmitted(submitted);
                case CaseCancelled cancelled -> eligibility.onCaseCancelled(cancelled);
                default -> {
                    // other case events do not concern coverage
                }
            }
        });
    }
}
