package org.resetflow.camunda;

import java.time.LocalDate;

/** How many journeys started on a day tried a verification method. */
public record DailyMethodCount(LocalDate day, String method, long count) {
}
