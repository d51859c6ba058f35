package org.resetflow.shared;

import java.util.Arrays;
import java.util.Optional;

/** The three journeys of the public API, their URL segment and the BPMN process that is the journey. */
public enum JourneyKind {
    RESET("resets", "passwordReset", "reset"),
    UNLOCK("unlocks", "accountUnlock", "unlock"),
    REGISTRATION("registrations", "recoveryRegistration", "registration");

    private final String pathSegment;
    private final String processKey;
    private final String variableValue;

    JourneyKind(String pathSegment, String processKey, String variableValue) {
        this.pathSegment = pathSegment;
        this.processKey = processKey;
        this.variableValue = variableValue;
    }

    public String processKey() {
        return processKey;
    }

    /** The value of the {@code journey} process variable. */
    public String variableValue() {
        return variableValue;
    }

    public static Optional<JourneyKind> fromPathSegment(String segment) {
        return Arrays.stream(values()).filter(kind -> kind.pathSegment.equals(segment)).findFirst();
    }
}
