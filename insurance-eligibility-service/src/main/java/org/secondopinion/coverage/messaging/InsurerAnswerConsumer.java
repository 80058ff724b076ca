package org.secondopinion.coverage.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.secondopinion.platform.messaging.RetryTransient;
import org.secondopinion.coverage.service.EligibilityService;
import org.secondopinion.events.EligibilityAnswer;
import org.secondopinion.events.MalformedEventException;
import org.secondopinion.platform.inbox.EventInbox;

/**
 * Insurers' EligibilityAnswers. An answer with an unknown trace number, or anything else on the topic, is
 * refused: the exception sends the record to the dead-letter topic and consumption goes on.
 */
@ApplicationScoped
public class InsurerAnswerConsumer {

    static final String CHANNEL = "insurer-answers";

    @Inject
    EventInbox inbox;

    @Inject
    EligibilityService eligibility;

    @Incoming(CHANNEL)
    @RetryTransient
    @Transactional
    public void onAnswer(String record) {
        inbox.firstDelivery(CHANNEL, record).ifPresent(envelope -> {
            switch (envelope.data()) {
                case EligibilityAnswer answer -> eligibility.onAnswer(answer);
                default -> throw new MalformedEventException("Only EligibilityAnswer belongs on the insurer answers topic, not "
                        + envelope.type());
            }
        });
    }
}
