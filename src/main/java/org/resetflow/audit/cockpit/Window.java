package org.resetflow.audit.cockpit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The last {@code days} calendar days up to now, today included, in the server's time zone: the zone in which the
 * engine writes its timestamps, so that a journey's day is the same here and in the database.
 */
record Window(int days, Instant from, Instant until, ZoneId zone) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    static Window lastDays(String days, Instant now, ZoneId zone) {
        int count = RequestParameters.integer("days", days, DEFAULT_DAYS, 1, MAX_DAYS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        return new Window(count, today.minusDays(count - 1L).atStartOfDay(zone).toInstant(), now, zone);
    }

    /** Every day of the window, the oldest first. */
    List<LocalDate> dates() {
        return LocalDate.ofInstant(from, zone).datesUntil(LocalDate.ofInstant(until, zone).plusDays(1)).toList();
    }
}
