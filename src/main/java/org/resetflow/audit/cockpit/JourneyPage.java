package org.resetflow.audit.cockpit;

import java.util.List;

/** A page of the journey list: {@code total} journeys match, {@code journeys} holds those from {@code firstResult} on. */
record JourneyPage(long total, int firstResult, int maxResults, List<Journey> journeys) {
}
