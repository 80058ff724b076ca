package org.secondopinion.reports.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.secondopinion.platform.messaging.RetryTransient;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.DocumentsRequested;
import org.secondopinion.events.PhysicianDeclined;
import org.secondopinion.events.PhysicianSelected;
import org.secondopinion.events.RecordsCompleted;
import org.secondopinion.platform.inbox.EventInbox;
import org.secondopinion.reports.service.ReviewService;

/**
 * Keeps the reviewers' worklist from case-service's events. Idempotent by event id (the inbox), and
 * indifferent to order: {@link ReviewService} merges each fact into the review whatever came before.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    static final String CHANNEL = "cases";

    @Inject
    EventInbox inbox;

    @Inject
    ReviewService reviews;

    @Incoming(CHANNEL)
    @RetryTransient
    @Transactional
    public void onCaseEvent(String record) {
        inbox.firstDelivery(CHANNEL, record).ifPresent(envelope -> {
            switch (envelope.data()) {
                case CaseSubmitted submitted -> reviews.apply(submitted);
                case PhysicianSelected selected -> reviews.apply(selected);
                case PhysicianDeclined declined -> reviews.apply(declined);
                case DocumentsRequested requested -> reviews.apply(requested);
                case RecordsCompleted completed -> reviews.apply(completed);
                case CaseCancelled cancelled -> reviews.apply(cancelled);
                // Other events on the topic (coverage, decisions...) are not the reviewer's business.
                default -> { }
            }
        });
    }
}
