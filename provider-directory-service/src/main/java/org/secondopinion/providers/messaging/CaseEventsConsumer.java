package org.secondopinion.providers.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.secondopinion.platform.messaging.RetryTransient;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.platform.inbox.EventInbox;
import org.secondopinion.providers.service.MatchingService;

/**
 * Listens to case-service's stream. Only CaseSubmitted matters to the directory (it triggers a match;
 * a resubmitted case is matched again and the new ProvidersMatched replaces the old); every other
 * case event is recorded as seen and ignored.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    static final String CHANNEL = "cases";

    @Inject
    EventInbox inbox;

    @Inject
    MatchingService matching;

    @Incoming(CHANNEL)
    @RetryTransient
    @Transactional
    public void onCaseEvent(String record) {
        inbox.firstDelivery(CHANNEL, record).ifPresent(envelope -> {
            switch (envelope.data()) {
                case CaseSubmitted submitted -> matching.match(submitted);
                default -> {
                    // Not the directory's concern.
                }
            }
        });
    }
}
