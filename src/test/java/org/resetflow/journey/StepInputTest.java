package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resetflow.journey.JourneyForms.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.camunda.bpm.engine.variable.value.DoubleValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StepInputTest {

    private static final StepForms forms = JourneyForms.stepForms();

    private static final JsonNode PROFILE = json("""
            {"id": "profile", "components": [
              {"id": "profileIntro", "type": "text", "text": "Tell us about you."},
              {"id": "Field_name", "type": "textfield", "key": "name", "validate": {"required": true, "minLength": 2, "maxLength": 5}},
              {"id": "Field_note", "type": "textfield", "key": "note"},
              {"id": "Field_code", "type": "textfield", "key": "code", "validate": {"pattern": "^[0-9]+$"}},
              {"id": "Field_agree", "type": "checkbox", "key": "agree"},
              {"id": "Field_age", "type": "number", "key": "age"},
              {"id": "Field_colour", "type": "select", "key": "colour", "values": [{"label": "Red", "value": "red"}, {"label": "Blue", "value": "blue"}]},
              {"id": "Field_email", "type": "textfield", "key": "email", "validate": {"validationType": "email"}},
              {"id": "Field_shown", "type": "textfield", "key": "shown", "readonly": true},
              {"id": "Field_off", "type": "textfield", "key": "off", "disabled": true}
            ]}""");

    private static StepInput check(String values) {
        return StepInput.check(json(values), PROFILE, Map.of(), forms);
    }

    private static Map<String, List<String>> errors(String values) {
        return check(values).errors().asMap();
    }

    @Test
    void aCorrectSubmissionIsAcceptedWithItsTypes() {
        StepInput input = check("""
                {"name": "Jane", "note": "hello", "code": "123", "agree": true, "age": 42, "colour": "red", "email": "jane@example.org"}""");

        assertThat(input.valid()).isTrue();
        VariableMap variables = input.asTransientVariables();
        assertThat(variables.<StringValue>getValueTyped("name").getValue()).isEqualTo("Jane");
        assertThat(variables.<BooleanValue>getValueTyped("agree").getValue()).isTrue();
        assertThat(variables.<DoubleValue>getValueTyped("age").getValue()).isEqualTo(42.0);
        assertThat(variables.<StringValue>getValueTyped("colour").getValue()).isEqualTo("red");
    }

    @Test
    void everyAcceptedValueBecomesATransientVariable() {
        VariableMap variables = check("""
                {"name": "Jane", "note": "hello", "code": "123", "agree": false, "age": 4.5, "colour": "blue", "email": "jane@example.org"}""")
                .asTransientVariables();

        assertThat(variables.keySet()).containsExactlyInAnyOrder("name", "note", "code", "agree", "age", "colour", "email");
        for (String name : variables.keySet()) {
            TypedValue value = variables.getValueTyped(name);
            assertThat(value.isTransient()).as(name).isTrue();
        }
    }

    @Test
    void aFieldThatIsNotOnTheFormIsRefused() {
        assertThat(errors("""
                {"name": "Jane", "nickname": "J"}""")).containsExactly(Map.entry("nickname", List.of("UNKNOWN_FIELD")));
    }

    @Test
    void anUnknownFieldWithAnOverlongNameIsReportedWithoutEchoingTheName() {
        String name = "x".repeat(65);

        assertThat(errors("{\"name\": \"Jane\", \"" + name + "\": 1}")).containsExactly(Map.entry("values", List.of("UNKNOWN_FIELD")));
    }

    @Test
    void textsReadOnlyAndDisabledComponentsAreNoFields() {
        assertThat(errors("""
                {"name": "Jane", "shown": "x", "off": "y", "profileIntro": "z"}"""))
                .containsOnlyKeys("shown", "off", "profileIntro")
                .containsValue(List.of("UNKNOWN_FIELD"));
    }

    @Test
    void aNumberForATextFieldIsRefused() {
        assertThat(errors("""
                {"name": 42}""")).containsExactly(Map.entry("name", List.of("NOT_TEXT")));
        assertThat(errors("""
                {"name": ["Jane"]}""")).containsExactly(Map.entry("name", List.of("NOT_TEXT")));
        assertThat(errors("""
                {"name": {"first": "Jane"}}""")).containsExactly(Map.entry("name", List.of("NOT_TEXT")));
    }

    @Test
    void textForACheckboxIsRefused() {
        assertThat(errors("""
                {"name": "Jane", "agree": "true"}""")).containsExactly(Map.entry("agree", List.of("NOT_BOOLEAN")));
    }

    @Test
    void textForANumberIsRefused() {
        assertThat(errors("""
                {"name": "Jane", "age": "42"}""")).containsExactly(Map.entry("age", List.of("NOT_NUMBER")));
    }

    @Test
    void aRequiredFieldMustBeThere() {
        assertThat(errors("{}")).containsExactly(Map.entry("name", List.of("REQUIRED")));
        assertThat(errors("""
                {"name": null}""")).containsExactly(Map.entry("name", List.of("REQUIRED")));
    }

    @Test
    void blankCountsAsMissing() {
        assertThat(errors("""
                {"name": ""}""")).containsExactly(Map.entry("name", List.of("REQUIRED")));
        assertThat(errors("""
                {"name": "  \\t "}""")).containsExactly(Map.entry("name", List.of("REQUIRED")));
    }

    @Test
    void aBlankOptionalFieldIsNeitherAnErrorNorAValue() {
        StepInput input = check("""
                {"name": "Jane", "note": "   ", "colour": ""}""");

        assertThat(input.valid()).isTrue();
        assertThat(input.asTransientVariables().keySet()).containsExactly("name");
    }

    @Test
    void theMaximumLengthCountsCodePointsNotChars() {
        String fiveEmoji = "\uD83D\uDE00".repeat(5);

        assertThat(check("{\"name\": \"" + fiveEmoji + "\"}").valid()).isTrue();
        assertThat(errors("{\"name\": \"" + fiveEmoji + "\uD83D\uDE00\"}")).containsExactly(Map.entry("name", List.of("TOO_LONG:5")));
    }

    @Test
    void anUnpairedSurrogateIsMalformedTextWhichNoHashOrDirectoryGets() {
        assertThat(errors("{\"name\": \"Jane\", \"note\": \"blue\\ud800sky\"}")).containsExactly(Map.entry("note", List.of("MALFORMED_TEXT")));
        assertThat(errors("{\"name\": \"Jane\", \"note\": \"\\udc00\"}")).containsExactly(Map.entry("note", List.of("MALFORMED_TEXT")));
        assertThat(check("{\"name\": \"Jane\", \"note\": \"\\ud83d\\ude00 paired\"}").valid()).isTrue();
    }

    @Test
    void aFieldWithoutMaximumLengthStillTakesAtMostAThousandCharacters() {
        assertThat(check("{\"name\": \"Jane\", \"note\": \"" + "x".repeat(1000) + "\"}").valid()).isTrue();
        assertThat(errors("{\"name\": \"Jane\", \"note\": \"" + "x".repeat(1001) + "\"}"))
                .containsExactly(Map.entry("note", List.of("TOO_LONG:1000")));
    }

    @Test
    void aFormCannotRaiseTheLimitOfAThousandCharacters() {
        JsonNode generous = json("""
                {"id": "generous", "components": [{"type": "textfield", "key": "essay", "validate": {"maxLength": 100000}}]}""");

        StepInput input = StepInput.check(json("{\"essay\": \"" + "x".repeat(1001) + "\"}"), generous, Map.of(), forms);

        assertThat(input.errors().asMap().get("essay")).as("the limit that applies, not the form's").containsExactly("TOO_LONG:1000");
    }

    @Test
    void aTooShortValueIsRefused() {
        assertThat(errors("""
                {"name": "J"}""")).containsExactly(Map.entry("name", List.of("TOO_SHORT:2")));
    }

    @Test
    void aValueMustMatchThePatternOfTheField() {
        assertThat(errors("""
                {"name": "Jane", "code": "12a"}""")).containsExactly(Map.entry("code", List.of("PATTERN")));
    }

    @Test
    void anEmailFieldWantsAnEmailAddress() {
        assertThat(errors("""
                {"name": "Jane", "email": "jane at example"}""")).containsExactly(Map.entry("email", List.of("EMAIL_INVALID")));
    }

    @Test
    void aValueThatIsNotAmongTheOptionsIsRefused() {
        assertThat(errors("""
                {"name": "Jane", "colour": "green"}""")).containsExactly(Map.entry("colour", List.of("NOT_AN_OPTION")));
        assertThat(errors("""
                {"name": "Jane", "colour": "Red"}""")).containsExactly(Map.entry("colour", List.of("NOT_AN_OPTION")));
    }

    @Test
    void everyFieldIsCheckedSoTheUserSeesEveryErrorAtOnce() {
        assertThat(errors("""
                {"name": "J", "code": "x", "agree": 1, "age": true, "colour": "green", "extra": 1}"""))
                .containsOnlyKeys("name", "code", "agree", "age", "colour", "extra");
    }

    @Test
    void valuesMustBeAJsonObject() {
        assertThat(StepInput.check(json("[1, 2]"), PROFILE, Map.of(), forms).errors().asMap())
                .containsExactly(Map.entry("values", List.of("VALUES_NOT_OBJECT")));
        assertThat(StepInput.check(json("\"Jane\""), PROFILE, Map.of(), forms).errors().asMap())
                .containsExactly(Map.entry("values", List.of("VALUES_NOT_OBJECT")));
        assertThat(StepInput.check(null, PROFILE, Map.of(), forms).errors().asMap())
                .containsExactly(Map.entry("values", List.of("VALUES_NOT_OBJECT")));
    }

    @Test
    void moreThanThirtyFieldsAreRefusedWithoutLookingAtThem() {
        ObjectNode values = JourneyForms.JSON.createObjectNode();
        for (int i = 1; i <= 31; i++) {
            values.put("field" + i, "x");
        }

        assertThat(StepInput.check(values, PROFILE, Map.of(), forms).errors().asMap())
                .containsExactly(Map.entry("values", List.of("TOO_MANY_FIELDS")));
        values.remove("field31");
        assertThat(StepInput.check(values, PROFILE, Map.of(), forms).errors().asMap())
                .hasSize(31)
                .containsEntry("field30", List.of("UNKNOWN_FIELD"))
                .containsEntry("name", List.of("REQUIRED"));
    }

    /** chooseMethod as the journey API serves it: options from the process, the contact hidden for security questions. */
    @Nested
    class ChooseMethod {

        private final Map<String, Object> variables = Map.of("methodOptions", """
                [{"value": "EMAIL", "label": "method.EMAIL", "hint": ""}, {"value": "QUESTIONS", "label": "method.QUESTIONS", "hint": ""}]""");
        private final JsonNode form = forms.resolve(JourneyForms.deployed("chooseMethod"), variables, Locale.ENGLISH);

        private StepInput check(String values) {
            return StepInput.check(json(values), form, variables, forms);
        }

        @Test
        void theContactIsRequiredWhenACodeIsToBeSent() {
            assertThat(check("""
                    {"method": "EMAIL"}""").errors().asMap()).containsExactly(Map.entry("contact", List.of("REQUIRED")));

            StepInput input = check("""
                    {"method": "EMAIL", "contact": "jane@example.org"}""");
            assertThat(input.valid()).isTrue();
            assertThat(input.asTransientVariables()).containsOnlyKeys("method", "contact");
        }

        @Test
        void theContactHiddenForSecurityQuestionsIsNeitherRequiredNorAccepted() {
            assertThat(check("""
                    {"method": "QUESTIONS"}""").valid()).isTrue();

            StepInput input = check("""
                    {"method": "QUESTIONS", "contact": "jane@example.org"}""");
            assertThat(input.valid()).isTrue();
            assertThat(input.asTransientVariables()).containsOnlyKeys("method");
        }

        @Test
        void aMethodThatIsNotOfferedIsRefused() {
            assertThat(check("""
                    {"method": "SMS", "contact": "+12025550102"}""").errors().asMap())
                    .containsExactly(Map.entry("method", List.of("NOT_AN_OPTION")));
        }

        @Test
        void withoutAMethodBothFieldsAreRequired() {
            assertThat(check("{}").errors().asMap())
                    .containsOnly(Map.entry("method", List.of("REQUIRED")), Map.entry("contact", List.of("REQUIRED")));
        }
    }

    @Nested
    class EnterCode {

        private final JsonNode form = forms.resolve(JourneyForms.deployed("enterCode"), Map.of(), Locale.ENGLISH);

        @Test
        void aCodeIsDigitsGroupedWithSpacesOrDashes() {
            assertThat(StepInput.check(json("""
                    {"code": "1234 5678"}"""), form, Map.of(), forms).valid()).isTrue();
            assertThat(StepInput.check(json("""
                    {"code": "1234-567a"}"""), form, Map.of(), forms).errors().asMap())
                    .containsExactly(Map.entry("code", List.of("PATTERN")));
            assertThat(StepInput.check(json("""
                    {"code": "12345"}"""), form, Map.of(), forms).errors().asMap())
                    .containsExactly(Map.entry("code", List.of("TOO_SHORT:6")));
        }
    }
}
