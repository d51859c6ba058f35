package org.resetflow.passwordpolicy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule in force, for showing the rules before the user types.
 *
 * @param rule       the code of the violation this rule prevents
 * @param parameters named parameters in message argument order, e.g. {@code min=8} for {@code TOO_SHORT}
 */
public record RuleDescription(PasswordRule rule, Map<String, Object> parameters) {

    public RuleDescription {
        Objects.requireNonNull(rule, "rule");
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The message key, {@code password.rule.describe.<CODE>}. */
    public String messageCode() {
        return "password.rule.describe." + rule.name();
    }

    /** The parameter values in order, for {@code {0}}, {@code {1}}, ... in the message. */
    public Object[] messageArguments() {
        return parameters.values().toArray();
    }
}
