package org.secondopinion.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.secondopinion.cases.config.CaseConfig;
import org.secondopinion.cases.domain.CaseStatus;

/**
 * Due times of the stages: targets in business days from configuration, counted in the calendar of the
 * configured time zone, weekends and configured holidays skipped. A stage due in N business days is due at
 * the same local time on the N-th business day after the day it was entered.
 */
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
        return days <= 0 ? null : plusBusinessDays(enteredAt, days, config.sla().zone(), holidays());
    }

    /** The opinion's due time if the records were complete at {@code from}. */
    public Instant opinionDue(Instant from) {
        return plusBusinessDays(from, Math.max(1, config.sla().opinionBusinessDays()), config.sla().zone(), holidays());
    }

    private Set<LocalDate> holidays() {
        return config.sla().holidays().orElse(Set.of());
    }

    static Instant plusBusinessDays(Instant from, int days, ZoneId zone, Set<LocalDate> holidays) {
        ZonedDateTime at = from.atZone(zone);
        int added = 0;
        while (added < days) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.contains(at.toLocalDate())) {
                added++;
            }
        }
        return at.toInstant();
    }
}
