package org.resetflow.audit.cockpit;

/** A method a journey's verification tried (a value its {@code chosenMethod} took). */
record JourneyMethod(String processInstanceId, String method) {
}
