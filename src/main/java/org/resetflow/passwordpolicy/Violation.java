package org.resetflow.passwordpolicy;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One reason a password is refused, with the parameters its message needs (never the password or a
 * part of it as typed: banned terms are list entries, names are written as the directory writes them).
 *
 * @param rule       the stable code
 * @param parameters named parameters in message argument order, e.g. {@code min=8} for {@code TOO_SHORT}
 */
public record Violation(PasswordRule rule, Map<String, Object> parameters) {

    public Violation {
        Objects.requireNonNull(rule, "rule");
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static Violation of(PasswordRule rule) {
        return new Violation(rule, Map.of());
    }

    /** The message key, {@code password.rule.<CODE>}. */
    public String messageCode() {
        return "password.rule." + rule.name();
    }

    /** The parameter values in order, for {@code {0}}, {@code {1}}, ... in the message; a list as its items joined by commas. */
    public Object[] messageArguments() {
        return parameters.values().stream()
                .map(value -> value instanceof Collection<?> items
                        ? items.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        : value)
                .toArray();
    }
}
