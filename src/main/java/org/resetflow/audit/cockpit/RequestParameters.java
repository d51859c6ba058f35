package org.resetflow.audit.cockpit;

import jakarta.ws.rs.core.Response.Status;
import java.util.Collection;
import java.util.Locale;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * Query parameters as the caller sent them, checked one by one. Every resource takes its parameters as text, so that
 * a bad value gets a 400 that names it (JAX-RS would answer a failed conversion with a bare 404).
 */
final class RequestParameters {

    private RequestParameters() {
    }

    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (isAbsent(value)) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // the same answer as for a number out of range
        }
        throw badRequest("'" + name + "' must be a whole number from " + min + " to " + max);
    }

    /** One of the allowed values (ignoring case), or null when absent. */
    static String oneOf(String name, String value, Collection<String> allowed) {
        if (isAbsent(value)) {
            return null;
        }
        String wanted = value.trim();
        return allowed.stream().filter(candidate -> candidate.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> badRequest("'" + name + "' must be one of " + String.join(", ", allowed)));
    }

    static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }

    static String lowerCase(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    static InvalidRequestException badRequest(String message) {
        return new InvalidRequestException(Status.BAD_REQUEST, message);
    }
}
