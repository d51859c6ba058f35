package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resetflow.journey.JourneyForms.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class StepFormsTest {

    private static final StepForms forms = JourneyForms.stepForms();

    private static final Map<String, Object> TWO_METHODS = Map.of("methodOptions", """
            [{"value": "EMAIL", "label": "method.EMAIL", "hint": "j***@example.org"},
             {"value": "QUESTIONS", "label": "method.QUESTIONS", "hint": ""}]""");

    private static final Map<String, Object> TWO_QUESTIONS = Map.of(
            "questionCount", 2, "question1", "question.first-pet", "question2", "question.birth-city");

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText()) || key.equals(component.path("id").asText())) {
                return component;
            }
        }
        throw new AssertionError("No component " + key + " in " + form);
    }

    @Test
    void optionsComeFromTheProcessVariableNamedByValuesKeyWithTranslatedLabelsAndHints() {
        JsonNode form = forms.resolve(JourneyForms.deployed("chooseMethod"), TWO_METHODS, Locale.ENGLISH);

        JsonNode method = component(form, "method");
        assertThat(method.has("valuesKey")).isFalse();
        assertThat(method.get("values")).isEqualTo(json("""
                [{"label": "Send a code to my alternate email address (j***@example.org)", "value": "EMAIL"},
                 {"label": "Answer my security questions", "value": "QUESTIONS"}]"""));
    }

    @Test
    void withoutTheOptionVariableThereAreNoOptions() {
        JsonNode form = forms.resolve(JourneyForms.deployed("chooseMethod"), Map.of(), Locale.ENGLISH);

        assertThat(component(form, "method").get("values")).isEmpty();
    }

    @Test
    void anOptionWithoutALabelShowsItsValue() {
        JsonNode form = forms.resolve(JourneyForms.deployed("chooseMethod"), Map.of("methodOptions", """
                [{"value": "SMS"}]"""), Locale.ENGLISH);

        assertThat(component(form, "method").get("values")).isEqualTo(json("""
                [{"label": "SMS", "value": "SMS"}]"""));
    }

    @Test
    void theDeployedFormIsLeftAsItWas() {
        JsonNode deployed = JourneyForms.deployed("chooseMethod");
        JsonNode before = deployed.deepCopy();

        forms.resolve(deployed, TWO_METHODS, Locale.GERMAN);

        assertThat(deployed).isEqualTo(before);
    }

    @Test
    void englishTextsAreTheOnesInTheFormFile() {
        JsonNode form = forms.resolve(JourneyForms.deployed("chooseMethod"), TWO_METHODS, Locale.ENGLISH);

        assertThat(component(form, "chooseMethodIntro").get("text").asText()).isEqualTo("Choose how to prove that this account is yours.");
        assertThat(component(form, "contact").get("label").asText()).isEqualTo("Your alternate email address or phone number, in full");
    }

    @Test
    void germanTextsComeFromTheFormsBundle() {
        JsonNode form = forms.resolve(JourneyForms.deployed("chooseMethod"), TWO_METHODS, Locale.GERMAN);

        assertThat(component(form, "chooseMethodIntro").get("text").asText())
                .isEqualTo("Wählen Sie, wie Sie nachweisen, dass dieses Konto Ihnen gehört.");
        assertThat(component(form, "method").get("label").asText()).isEqualTo("Bestätigungsmethode");
        assertThat(component(form, "contact").get("description").asText()).startsWith("Geben Sie sie genau so ein");
        assertThat(component(form, "method").get("values").get(0).get("label").asText())
                .isEqualTo("Code an meine alternative E-Mail-Adresse senden (j***@example.org)");
    }

    @Test
    void expressionLabelsAreEvaluatedAndTranslatedWhenTheyAreMessageCodes() {
        JsonNode english = forms.resolve(JourneyForms.deployed("answerQuestions"), TWO_QUESTIONS, Locale.ENGLISH);
        JsonNode german = forms.resolve(JourneyForms.deployed("answerQuestions"), TWO_QUESTIONS, Locale.GERMAN);

        assertThat(component(english, "answer1").get("label").asText()).isEqualTo("What was the name of your first pet?");
        assertThat(component(english, "answer2").get("label").asText()).isEqualTo("In which city were you born?");
        assertThat(component(german, "answer1").get("label").asText()).isEqualTo("Wie hieß Ihr erstes Haustier?");
    }

    @Test
    void anExpressionLabelThatIsPlainTextIsShownAsItIs() {
        JsonNode form = forms.resolve(JourneyForms.deployed("answerQuestions"),
                Map.of("questionCount", 1, "question1", "What is your favourite colour?"), Locale.GERMAN);

        assertThat(component(form, "answer1").get("label").asText()).isEqualTo("What is your favourite colour?");
    }

    @Test
    void componentsHiddenByAConditionOnProcessVariablesAreRemoved() {
        JsonNode form = forms.resolve(JourneyForms.deployed("answerQuestions"), TWO_QUESTIONS, Locale.ENGLISH);

        assertThat(StepForms.keys(form)).containsExactly("answer1", "answer2");
        assertThat(form.get("components")).hasSize(3);
    }

    @Test
    void aConditionThatCannotBeEvaluatedHidesNothing() {
        JsonNode form = forms.resolve(JourneyForms.deployed("answerQuestions"), Map.of(), Locale.ENGLISH);

        assertThat(StepForms.keys(form)).containsExactly("answer1", "answer2", "answer3", "answer4", "answer5");
    }

    @Test
    void isHiddenEvaluatesTheFeelConditionOfAComponent() {
        JsonNode contact = component(JourneyForms.deployed("chooseMethod"), "contact");

        assertThat(forms.isHidden(contact, Map.of("method", "QUESTIONS"))).isTrue();
        assertThat(forms.isHidden(contact, Map.of("method", "EMAIL"))).isFalse();
        assertThat(forms.isHidden(contact, Map.of())).isFalse();
        assertThat(forms.isHidden(json("""
                {"key": "x", "conditional": {"hide": "method = \\"QUESTIONS\\""}}"""), Map.of("method", "QUESTIONS")))
                .as("a condition without = is no expression").isFalse();
    }

    @Test
    void fixedOptionsAreTranslatedByTheirOwnKey() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("form.colours.colour.option.red", Locale.GERMAN, "Rot");
        messages.addMessage("form.colours.colour.label", Locale.GERMAN, "Farbe");
        JsonNode deployed = json("""
                {"id": "colours", "components": [{"type": "select", "key": "colour", "label": "Colour",
                  "values": [{"label": "Red", "value": "red"}, {"label": "Blue", "value": "blue"}]}]}""");

        JsonNode form = JourneyForms.stepForms(messages).resolve(deployed, Map.of(), Locale.GERMAN);

        assertThat(component(form, "colour").get("label").asText()).isEqualTo("Farbe");
        assertThat(component(form, "colour").get("values")).isEqualTo(json("""
                [{"label": "Rot", "value": "red"}, {"label": "Blue", "value": "blue"}]"""));
    }

    @Test
    void fieldsAreTheComponentsAClientMayFillIn() {
        JsonNode form = forms.resolve(JourneyForms.deployed("chooseMethod"), TWO_METHODS, Locale.ENGLISH);

        assertThat(StepForms.fields(form)).containsOnlyKeys("method", "contact");
        assertThat(StepForms.keys(form)).isEqualTo(List.of("method", "contact"));
    }
}
