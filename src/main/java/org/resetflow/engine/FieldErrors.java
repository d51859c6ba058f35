package org.resetflow.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Field errors a step hands back to the user: field key → error codes (with optional parameters, {@code TOO_SHORT:8},
 * {@code BANNED_WORD:summer|dragon:3}).
 * Kept in a process variable as a small string, {@code code=CODE_WRONG;password=TOO_SHORT:8,BANNED_WORD}, so that
 * Cockpit shows them and no object serialisation is needed. Codes only, never what the user typed.
 */
public final class FieldErrors {

    /** The key for errors that concern the form as a whole. */
    public static final String FORM = "_form";

    private static final String PARAMETER = ":";
    private static final String ITEM = "|";

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    /**
     * A code with its parameters, each after a colon; a collection is one parameter, its items separated by
     * {@code |}. A separator inside a value becomes {@code /}.
     */
    public static String code(String code, Collection<?> parameters) {
        StringBuilder encoded = new StringBuilder(code);
        for (Object parameter : parameters) {
            Collection<?> items = parameter instanceof Collection<?> collection ? collection : List.of(parameter);
            encoded.append(PARAMETER).append(items.stream()
                    .map(item -> String.valueOf(item).replace(PARAMETER, "/").replace(ITEM, "/"))
                    .collect(Collectors.joining(ITEM)));
        }
        return encoded.toString();
    }

    /** The code of an encoded code, without its parameters. */
    public static String codeOf(String encoded) {
        int colon = encoded.indexOf(PARAMETER);
        return colon < 0 ? encoded : encoded.substring(0, colon);
    }

    /** The parameters of an encoded code, for {@code {0}}, {@code {1}}, ... of its message; a list's items joined by commas. */
    public static Object[] argumentsOf(String encoded) {
        int colon = encoded.indexOf(PARAMETER);
        if (colon < 0) {
            return new Object[0];
        }
        return Arrays.stream(encoded.substring(colon + 1).split(PARAMETER, -1))
                .map(parameter -> String.join(", ", parameter.split(Pattern.quote(ITEM), -1)))
                .toArray();
    }

    /** Adds a code, optionally with parameters ({@link #code}); the separators of the encoding never leak into it. */
    public FieldErrors add(String field, String code) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(code.replaceAll("[,;=]", "/"));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, List<String>> asMap() {
        return errors;
    }

    public String encode() {
        StringBuilder out = new StringBuilder();
        errors.forEach((field, codes) -> {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(field).append('=').append(String.join(",", codes));
        });
        return out.toString();
    }

    public static FieldErrors decode(String encoded) {
        FieldErrors result = new FieldErrors();
        if (encoded == null || encoded.isBlank()) {
            return result;
        }
        for (String entry : encoded.split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                for (String code : entry.substring(eq + 1).split(",")) {
                    if (!code.isBlank()) {
                        result.add(entry.substring(0, eq), code);
                    }
                }
            }
        }
        return result;
    }

    /** Leaves the errors for the next user task and ends the step with the BPMN error that loops back to it. */
    public BpmnError raise(DelegateExecution execution, String bpmnErrorCode) {
        execution.setVariable(Vars.PENDING_FIELD_ERRORS, encode());
        return new BpmnError(bpmnErrorCode);
    }
}
