package org.secondopinion.coverage.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.secondopinion.coverage.service.EligibilityService;

/** Turns inquiries that the insurer left unanswered past their deadline into "unknown, verify with your insurer". */
@ApplicationScoped
public class InquiryTimeoutJob {

    @Inject
    EligibilityService eligibility;

    @Scheduled(every = "${smo.coverage.insurer.timeout-scan-interval:30s}", delayed = "5s", identity = "inquiry-timeout",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expire() {
        // Batches in separate transactions, so one long backlog does not hold one long transaction.
        while (eligibility.expireUnanswered(100) == 100) {
            // next batch
        }
    }
}
