package org.resetflow.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.resetflow.engine.FieldErrors;

/**
 * What a client submits for a step, checked against the step's form before anything reaches the engine: only
 * the form's fields, the right types, required fields filled, lengths, patterns and option values respected.
 * Every value goes to the engine as a transient variable: what the user types is never stored unless a step
 * of the model decides to keep something derived from it.
 */
final class StepInput {

    static final int MAX_FIELDS = 30;
    static final int DEFAULT_MAX_LENGTH = 1000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Map<String, Object> accepted = new LinkedHashMap<>();
    private final FieldErrors errors = new FieldErrors();

    private StepInput() {
    }

    static StepInput check(JsonNode values, JsonNode resolvedForm, Map<String, Object> variables, StepForms forms) {
        StepInput input = new StepInput();
        if (values == null || !values.isObject()) {
            input.errors.add("values", "VALUES_NOT_OBJECT");
            return input;
        }
        if (values.size() > MAX_FIELDS) {
            input.errors.add("values", "TOO_MANY_FIELDS");
            return input;
        }
        Map<String, JsonNode> fields = StepForms.fields(resolvedForm);
        for (Iterator<String> names = values.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.containsKey(name)) {
                input.errors.add(name.length() > 64 ? "values" : name, "UNKNOWN_FIELD");
            }
        }
        Map<String, Object> context = new HashMap<>(variables);
        fields.keySet().forEach(key -> context.put(key, plain(values.get(key))));
        fields.forEach((key, field) -> {
            if (!forms.isHidden(field, context)) {
                input.checkField(key, field, values.get(key));
            }
        });
        return input;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    FieldErrors errors() {
        return errors;
    }

    /** The accepted value of a field, or null. */
    Object value(String key) {
        return accepted.get(key);
    }

    VariableMap asTransientVariables() {
        VariableMap variables = Variables.createVariables();
        accepted.forEach((key, value) -> {
            if (value instanceof Boolean b) {
                variables.putValueTyped(key, Variables.booleanValue(b, true));
            } else if (value instanceof Number n) {
                variables.putValueTyped(key, Variables.doubleValue(n.doubleValue(), true));
            } else {
                variables.putValueTyped(key, Variables.stringValue((String) value, true));
            }
        });
        return variables;
    }

    private void checkField(String key, JsonNode field, JsonNode value) {
        String type = field.path("type").asText("textfield");
        JsonNode validate = field.path("validate");
        boolean required = validate.path("required").asBoolean(false);
        boolean absent = value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
        if (absent) {
            if (required) {
                errors.add(key, "REQUIRED");
            }
            return;
        }
        switch (type) {
            case "checkbox" -> {
                if (!value.isBoolean()) {
                    errors.add(key, "NOT_BOOLEAN");
                } else {
                    accepted.put(key, value.asBoolean());
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(key, "NOT_NUMBER");
                } else {
                    accepted.put(key, value.numberValue());
                }
            }
            default -> checkText(key, field, validate, value);
        }
    }

    private void checkText(String key, JsonNode field, JsonNode validate, JsonNode value) {
        if (!value.isTextual()) {
            errors.add(key, "NOT_TEXT");
            return;
        }
        String text = value.asText();
        if (!isWellFormed(text)) {
            errors.add(key, "MALFORMED_TEXT");
            return;
        }
        int maxLength = Math.min(validate.path("maxLength").asInt(DEFAULT_MAX_LENGTH), DEFAULT_MAX_LENGTH);
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            errors.add(key, "TOO_LONG:" + maxLength);
            return;
        }
        if (validate.has("minLength") && length < validate.get("minLength").asInt()) {
            errors.add(key, "TOO_SHORT:" + validate.get("minLength").asInt());
            return;
        }
        if (validate.has("pattern") && !matches(validate.get("pattern").asText(), text)) {
            errors.add(key, "PATTERN");
            return;
        }
        if ("email".equals(validate.path("validationType").asText()) && !EMAIL.matcher(text.trim()).matches()) {
            errors.add(key, "EMAIL_INVALID");
            return;
        }
        if (field.has("values")) {
            boolean offered = false;
            for (JsonNode option : field.get("values")) {
                offered |= option.path("value").asText().equals(text);
            }
            if (!offered) {
                errors.add(key, "NOT_AN_OPTION");
                return;
            }
        }
        accepted.put(key, text);
    }

    /**
     * Whether a text is well-formed Unicode (no unpaired UTF-16 surrogate, which an escape in JSON can carry):
     * only such a text can be encoded as UTF-8 for a hash or a directory, which would otherwise fail on it.
     */
    static boolean isWellFormed(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("A form has a pattern Java cannot read: " + pattern, e);
        }
    }

    private static Object plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isTextual() ? value.asText() : null;
    }
}
