package org.resetflow.camunda;

/** A method a journey's verification tried (a value its {@code chosenMethod} took). */
public record JourneyMethod(String processInstanceId, String method) {
}
