package org.resetflow.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Field errors a step hands back to the user: field key → error codes (with optional parameters, {@code TOO_SHORT:8}).
 * Kept in a process variable as a small string, {@code code=CODE_WRONG;password=TOO_SHORT:8,BANNED_WORD}, so that
 * Cockpit shows them and no object serialisation is needed. Codes only, never what the user typed.
 */
public final class FieldErrors {

    /** The key for errors that concern the form as a whole. */
    public static final String FORM = "_form";

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    /** Adds a code, optionally with one parameter after a colon; the separators of the encoding never leak into it. */
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
