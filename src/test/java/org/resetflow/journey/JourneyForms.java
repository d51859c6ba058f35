package org.resetflow.journey;

import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.FormService;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/** The form handling of the journey API without an engine: the real bundles, the real forms, FEEL, no Spring context. */
final class JourneyForms {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Starting the FEEL engine takes a while; every test shares one. */
    private static final FormExpressions EXPRESSIONS = new FormExpressions();

    private JourneyForms() {
    }

    static StepForms stepForms() {
        return stepForms(bundles());
    }

    static StepForms stepForms(MessageSource messages) {
        return new StepForms(mock(FormService.class), JSON, EXPRESSIONS, messages);
    }

    /** The bundles the application uses for the journey API, as spring.messages configures them. */
    static MessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/journey", "messages/forms", "messages/questions");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** A form as deployed from the repository's forms/ folder. */
    static JsonNode deployed(String formId) {
        try (InputStream form = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
            return JSON.readTree(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
