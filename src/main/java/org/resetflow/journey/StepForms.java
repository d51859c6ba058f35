package org.resetflow.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form of a user task, made ready for a client: option lists filled from process variables
 * ({@code valuesKey}), FEEL labels and image sources evaluated, components hidden by their condition removed, and every text
 * translated. Texts are translated by key {@code form.<formId>.<field>.<property>}; a text that is itself a
 * message code (a question such as {@code question.first-pet}) is translated too. Forms stay plain Camunda
 * Forms: Tasklist renders the same files.
 */
@Component
class StepForms {

    private static final List<String> TEXT_PROPERTIES = List.of("label", "description", "text", "alt");

    private final FormService formService;
    private final ObjectMapper json;
    private final FormExpressions expressions;
    private final MessageSource messages;
    private final Map<String, JsonNode> cache = new ConcurrentHashMap<>();

    StepForms(FormService formService, ObjectMapper json, FormExpressions expressions, MessageSource messages) {
        this.formService = formService;
        this.json = json;
        this.expressions = expressions;
        this.messages = messages;
    }

    /** The form as deployed with the task's process definition (cached: deployments never change). */
    JsonNode deployedForm(Task task) {
        return cache.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), key -> {
            try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
                return json.readTree(form);
            } catch (IOException e) {
                throw new UncheckedIOException("The form of task " + task.getTaskDefinitionKey() + " cannot be read", e);
            }
        });
    }

    /** The form for the client: resolved against the task's variables, translated to the locale. */
    ObjectNode resolve(JsonNode deployed, Map<String, Object> variables, Locale locale) {
        ObjectNode form = deployed.deepCopy();
        String formId = form.path("id").asText();
        ArrayNode resolved = json.createArrayNode();
        for (JsonNode node : form.withArray("components")) {
            ObjectNode component = (ObjectNode) node;
            if (isHidden(component, variables)) {
                continue;
            }
            String name = component.has("key") ? component.get("key").asText() : component.path("id").asText();
            for (String property : TEXT_PROPERTIES) {
                if (component.has(property)) {
                    component.put(property, text(formId, name, property, component.get(property).asText(), variables, locale));
                }
            }
            if (component.has("source") && FormExpressions.isExpression(component.get("source").asText())) {
                // an image drawn for this step only (a QR code): a data URI from the step's display, never a stored variable
                Object source = expressions.evaluate(component.get("source").asText(), variables).orElse(null);
                if (!(source instanceof String uri) || !uri.startsWith("data:image/")) {
                    continue;
                }
                component.put("source", uri);
            }
            if (component.has("valuesKey")) {
                component.set("values", options(variables.get(component.get("valuesKey").asText()), locale));
                component.remove("valuesKey");
            } else if (component.has("values")) {
                for (JsonNode option : component.withArray("values")) {
                    ((ObjectNode) option).put("label", translate("form." + formId + "." + name + ".option." + option.path("value").asText(),
                            option.path("label").asText(), locale));
                }
            }
            resolved.add(component);
        }
        form.set("components", resolved);
        return form;
    }

    /** The input fields of a resolved form by key: what a client may submit. */
    static Map<String, JsonNode> fields(JsonNode resolvedForm) {
        Map<String, JsonNode> fields = new HashMap<>();
        for (JsonNode component : resolvedForm.path("components")) {
            if (component.has("key") && !component.path("readonly").asBoolean(false)
                    && !component.path("disabled").asBoolean(false) && !"text".equals(component.path("type").asText())) {
                fields.put(component.get("key").asText(), component);
            }
        }
        return fields;
    }

    /** Whether a component is hidden for these values (process variables plus what the user submitted). */
    boolean isHidden(JsonNode component, Map<String, Object> values) {
        String hide = component.path("conditional").path("hide").asText(null);
        if (hide == null || !FormExpressions.isExpression(hide)) {
            return false;
        }
        return expressions.evaluate(hide, values).map(Boolean.TRUE::equals).orElse(false);
    }

    private String text(String formId, String name, String property, String value, Map<String, Object> variables, Locale locale) {
        String fallback = value;
        if (FormExpressions.isExpression(value)) {
            fallback = expressions.evaluate(value, variables).map(Object::toString).orElse("");
        }
        String byKey = messages.getMessage("form." + formId + "." + name + "." + property, null, null, locale);
        if (byKey != null) {
            return byKey;
        }
        return translate(fallback, fallback, locale);
    }

    private ArrayNode options(Object variable, Locale locale) {
        ArrayNode values = json.createArrayNode();
        if (variable == null) {
            return values;
        }
        JsonNode list;
        try {
            list = json.readTree(variable.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An option list variable is not JSON", e);
        }
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode option = it.next();
            String value = option.path("value").asText();
            String code = option.path("label").asText(value);
            String label = translate(code, code, locale);
            String hint = option.path("hint").asText("");
            ObjectNode entry = values.addObject().put("label", hint.isEmpty() ? label : label + " (" + hint + ")").put("value", value);
            if (option.hasNonNull("requires")) {
                // what a client needs to use this option (webauthn: a passkey): one without it leaves the option out
                entry.put("requires", option.get("requires").asText());
            }
        }
        return values;
    }

    private String translate(String code, String fallback, Locale locale) {
        if (code == null || code.isBlank() || code.contains(" ")) {
            return fallback;
        }
        return messages.getMessage(code, null, fallback, locale);
    }

    static List<String> keys(JsonNode resolvedForm) {
        List<String> keys = new ArrayList<>();
        resolvedForm.path("components").forEach(c -> {
            if (c.has("key")) {
                keys.add(c.get("key").asText());
            }
        });
        return keys;
    }
}
