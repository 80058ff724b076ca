package org.secondopinion.cases.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business days: weekends and configured holidays skipped, in the configured time zone's calendar. */
class SlaClockTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aWeekendIsSkipped() {
        // Friday 2026-11-20, 15:00 UTC: one business day later is Monday.
        assertEquals(Instant.parse("2026-11-23T15:00:00Z"),
                SlaClock.plusBusinessDays(Instant.parse("2026-11-20T15:00:00Z"), 1, ZoneOffset.UTC, Set.of()));
    }

    @Test
    void aHolidayIsSkippedLikeAWeekend() {
        // Wednesday 2026-11-25 + 1 business day, Thanksgiving (Thursday 26th) a holiday: Friday.
        Set<LocalDate> thanksgiving = Set.of(LocalDate.parse("2026-11-26"));
        assertEquals(Instant.parse("2026-11-27T10:00:00Z"),
                SlaClock.plusBusinessDays(Instant.parse("2026-11-25T10:00:00Z"), 1, ZoneOffset.UTC, thanksgiving));
        // Five business days from Wednesday: Thu (holiday), Fri, Mon, Tue, Wed, Thu.
        assertEquals(Instant.parse("2026-12-03T10:00:00Z"),
                SlaClock.plusBusinessDays(Instant.parse("2026-11-25T10:00:00Z"), 5, ZoneOffset.UTC, thanksgiving));
    }

    @Test
    void daysAreCountedInTheConfiguredZonesCalendar() {
        // Saturday 02:00 UTC is still Friday evening in New York: one business day later is Monday evening there.
        Instant fridayEveningInNewYork = Instant.parse("2026-11-21T02:00:00Z");
        assertEquals(Instant.parse("2026-11-24T02:00:00Z"),
                SlaClock.plusBusinessDays(fridayEveningInNewYork, 1, NEW_YORK, Set.of()));
        // In UTC the same instant is a Saturday: the next business day is Monday, 02:00 UTC.
        assertEquals(Instant.parse("2026-11-23T02:00:00Z"),
                SlaClock.plusBusinessDays(fridayEveningInNewYork, 1, ZoneOffset.UTC, Set.of()));
    }

    @Test
    void theLocalTimeIsKeptAcrossADaylightSavingChange() {
        // Friday 2026-10-30, 09:00 in New York (EDT, UTC-4); daylight saving ends on Sunday 1 November.
        // One business day later is Monday 09:00 EST (UTC-5).
        assertEquals(Instant.parse("2026-11-02T14:00:00Z"),
                SlaClock.plusBusinessDays(Instant.parse("2026-10-30T13:00:00Z"), 1, NEW_YORK, Set.of()));
    }
}
