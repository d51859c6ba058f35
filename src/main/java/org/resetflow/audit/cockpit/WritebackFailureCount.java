package org.resetflow.audit.cockpit;

/** How many incidents of one directory write are in one state (0 open, 1 deleted, 2 resolved). */
record WritebackFailureCount(String activityId, int state, long count) {
}
