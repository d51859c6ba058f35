package org.resetflow.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resetflow.journey.FlowView;

/**
 * A step's resolved Camunda Form, made into what the page template draws: the same for every step, so that a
 * new user task with a new form in the models appears here without Java changes.
 */
record StepPage(String key, int index, int total, List<Component> components, List<FlowView.FieldError> formErrors) {

    /** The one FEEL form the portal's script can evaluate in the browser: {@code =key = "value"} or {@code !=}. */
    private static final Pattern SIMPLE_CONDITION = Pattern.compile("^=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!?=)\\s*\"([^\"]*)\"\\s*$");
    /** And its list form, one key equal to any of several values: {@code =key = "a" or key = "b"}. */
    private static final Pattern ANY_OF_CONDITION = Pattern.compile(
            "^=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"[^\"|]*\"(\\s+or\\s+\\1\\s*=\\s*\"[^\"|]*\")+\\s*$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** One choice; {@code requires} names what the browser needs to use it ({@code webauthn}), which the script checks. */
    record Option(String value, String label, boolean selected, String requires) {
    }

    record Component(String type, String key, String id, String label, String description, List<String> paragraphs,
                     List<Option> options, boolean required, Integer maxLength, String inputType, String autocomplete,
                     String inputMode, boolean secret, boolean readonly, String value, List<FlowView.FieldError> errors,
                     String hideKey, String hideValue, boolean hideWhenDifferent, String rules, String source, String webauthn,
                     String data) {

        boolean isField() {
            return key != null && !"text".equals(type) && !"image".equals(type);
        }

        /**
         * A value the page's script fills in from the browser's WebAuthn answer ({@code properties.webauthn} names it), or
         * the options the script hands to the browser: no field a person types into.
         */
        public boolean isWebAuthn() {
            return webauthn != null;
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** The ids that describe this field, for {@code aria-describedby}. */
        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (description != null && !description.isBlank()) {
                ids.add(id + "-description");
            }
            if (rules != null) {
                ids.add(id + "-rules");
            }
            if (hasErrors()) {
                ids.add(id + "-errors");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }
    }

    static StepPage of(FlowView.Step step, List<FlowView.FieldError> errors, Map<String, String> submitted) {
        Map<String, List<FlowView.FieldError>> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.computeIfAbsent(error.field(), f -> new ArrayList<>()).add(error));
        List<Component> components = new ArrayList<>();
        for (JsonNode node : step.form().path("components")) {
            Component component = component(node, byField, submitted);
            components.add(component);
            if (component.key() != null && !component.isWebAuthn()) {
                // an error about a value the script filled in is the form's, shown in the summary: there is no field to go to
                byField.remove(component.key());
            }
        }
        List<FlowView.FieldError> formErrors = byField.values().stream().flatMap(List::stream).toList();
        return new StepPage(step.key(), step.index(), step.total(), components, formErrors);
    }

    /** The keys a browser may submit for this step: its input fields. */
    List<String> fieldKeys() {
        return components.stream().filter(Component::isField).filter(c -> !c.readonly()).map(Component::key).toList();
    }

    private static Component component(JsonNode node, Map<String, List<FlowView.FieldError>> errors, Map<String, String> submitted) {
        String type = node.path("type").asText("textfield");
        String key = node.hasNonNull("key") ? node.get("key").asText() : null;
        String id = "field-" + (key != null ? key : node.path("id").asText("text"));
        JsonNode properties = node.path("properties");
        boolean secret = "true".equals(properties.path("secret").asText()) || "password".equals(properties.path("inputType").asText());
        String value = key == null || secret ? null : submitted.get(key);
        List<Option> options = new ArrayList<>();
        for (JsonNode option : node.path("values")) {
            String optionValue = option.path("value").asText();
            options.add(new Option(optionValue, option.path("label").asText(optionValue), optionValue.equals(value),
                    option.hasNonNull("requires") ? option.get("requires").asText() : null));
        }
        String webauthn = properties.hasNonNull("webauthn") ? properties.get("webauthn").asText() : null;
        String hide = node.path("conditional").path("hide").asText("");
        Matcher condition = SIMPLE_CONDITION.matcher(hide);
        boolean simple = condition.matches();
        Matcher anyOf = ANY_OF_CONDITION.matcher(hide);
        String hideKey = simple ? condition.group(1) : null;
        String hideValue = simple ? condition.group(3) : null;
        if (!simple && anyOf.matches()) {
            hideKey = anyOf.group(1);
            hideValue = String.join("|", QUOTED.matcher(hide).results().map(quoted -> quoted.group(1)).toList());
        }
        return new Component(type, key, id,
                node.hasNonNull("label") ? text(node, "label") : text(node, "alt"), text(node, "description"), paragraphs(text(node, "text")),
                options, node.path("validate").path("required").asBoolean(false),
                node.path("validate").has("maxLength") ? node.path("validate").path("maxLength").asInt() : null,
                properties.path("inputType").asText(null), properties.path("autocomplete").asText(null),
                properties.path("inputMode").asText(null), secret, node.path("readonly").asBoolean(false), value,
                key == null || webauthn != null ? List.of() : errors.getOrDefault(key, List.of()),
                hideKey, hideValue,
                simple && "!=".equals(condition.group(2)), properties.path("rules").asText(null), imageSource(node), webauthn,
                webauthn != null && "text".equals(type) ? node.path("text").asText("") : null);
    }

    /** An image the journey API drew for the step (a QR code), only as a {@code data:} image: nothing is fetched. */
    private static String imageSource(JsonNode node) {
        String source = node.path("source").asText("");
        return "image".equals(node.path("type").asText()) && source.startsWith("data:image/") ? source : null;
    }

    private static String text(JsonNode node, String property) {
        return node.hasNonNull(property) ? node.get(property).asText() : null;
    }

    /** Camunda Forms' text is Markdown; the portal shows its paragraphs and headings as plain text. */
    private static List<String> paragraphs(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        List<String> paragraphs = new ArrayList<>();
        for (String line : markdown.split("\\n")) {
            String plain = line.replaceFirst("^#+\\s*", "").replaceAll("[*_`]", "").trim();
            if (!plain.isEmpty()) {
                paragraphs.add(plain);
            }
        }
        return paragraphs;
    }
}
