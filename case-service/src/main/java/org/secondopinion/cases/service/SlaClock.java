package org.secondopinion.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.secondopinion.cases.config.CaseConfig;
import org.secondopinion.cases.domain.CaseStatus;

/** Due times of the stages: targets in business days from configuration (weekends skipped, UTC). */
@ApplicationScoped
public class SlaClock {

    @Inject
    CaseConfig config;

    /** When a stage entered at {@code enteredAt} is due, or null when the stage has no target. */
    public Instant dueAt(CaseStatus stage, Instant enteredAt) {
        int days = switch (stage) {
            case SUBMITTED -> config.sla().optionsBusinessDays();
            case OPTIONS_READY -> config.sla().selectionBusinessDays();
            case PHYSICIAN_SELECTED, AWAITING_RECORDS -> config.sla().recordsBusinessDays();
            case UNDER_REVIEW -> config.sla().opinionBusinessDays();
            case OPINION_ISSUED -> config.sla().decisionBusinessDays();
            case DRAFT, CLOSED, CANCELLED -> 0;
        };
        return days <= 0 ? null : plusBusinessDays(enteredAt, days);
    }

    /** The opinion's due time if the records were complete at {@code from}. */
    public Instant opinionDue(Instant from) {
        return plusBusinessDays(from, Math.max(1, config.sla().opinionBusinessDays()));
    }

    static Instant plusBusinessDays(Instant from, int days) {
        ZonedDateTime at = from.atZone(ZoneOffset.UTC);
        int added = 0;
        while (added < days) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return at.toInstant();
    }
}
