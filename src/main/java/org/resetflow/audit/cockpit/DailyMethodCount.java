package org.resetflow.audit.cockpit;

import java.time.LocalDate;

/** How many journeys started on a day tried a verification method. */
record DailyMethodCount(LocalDate day, String method, long count) {
}
