package org.resetflow.camunda;

/** How many incidents of one directory write are in one state (0 open, 1 deleted, 2 resolved). */
public record WritebackFailureCount(String activityId, int state, long count) {
}
