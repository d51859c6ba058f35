package org.resetflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

class HelpdeskTest {

    private static final ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void closeValidatorFactory() {
        validatorFactory.close();
    }

    private static OrganisationProperties bind(Map<String, String> settings) {
        Binder binder = new Binder(new MapConfigurationPropertySource(settings));
        return binder.bindOrCreate("resetflow.organisation", Bindable.of(OrganisationProperties.class),
                new ValidationBindHandler(new SpringValidatorAdapter(validatorFactory.getValidator())));
    }

    private static Helpdesk helpdesk(Map<String, String> settings) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/journey");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Helpdesk(bind(settings), messages);
    }

    @Test
    void withoutASentenceOfItsOwnTheHelpdeskIsNamedInTheUsersLanguage() {
        Helpdesk helpdesk = helpdesk(Map.of());

        assertThat(helpdesk.text(Locale.ENGLISH)).isEqualTo("Contact the IT helpdesk.");
        assertThat(helpdesk.text(Locale.GERMAN)).isEqualTo("Wenden Sie sich an den IT-Helpdesk.");
        assertThat(helpdesk.url()).isEqualTo("https://helpdesk.example.org");
        assertThat(helpdesk.textAndUrl(Locale.ENGLISH)).isEqualTo("Contact the IT helpdesk. https://helpdesk.example.org");
    }

    @Test
    void theOrganisationsOwnSentenceIsUsedInEveryLanguage() {
        Helpdesk helpdesk = helpdesk(Map.of(
                "resetflow.organisation.helpdesk-text", "Call the service desk on extension 4357.",
                "resetflow.organisation.helpdesk-url", "https://servicedesk.contoso.example"));

        assertThat(helpdesk.text(Locale.ENGLISH)).isEqualTo("Call the service desk on extension 4357.");
        assertThat(helpdesk.text(Locale.GERMAN)).isEqualTo("Call the service desk on extension 4357.");
        assertThat(helpdesk.textAndUrl(Locale.GERMAN)).isEqualTo("Call the service desk on extension 4357. https://servicedesk.contoso.example");
    }

    @Test
    void aBlankSentenceCountsAsNone() {
        assertThat(helpdesk(Map.of("resetflow.organisation.helpdesk-text", "  ")).text(Locale.ENGLISH)).isEqualTo("Contact the IT helpdesk.");
    }

    @Test
    void theOrganisationHasDocumentedDefaults() {
        OrganisationProperties organisation = bind(Map.of());

        assertThat(organisation.name()).isEqualTo("Example Org");
        assertThat(organisation.helpdeskText()).isNull();
        assertThat(organisation.helpdeskUrl()).isEqualTo("https://helpdesk.example.org");
    }

    @Test
    void aBlankNameOrHelpdeskLinkIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.organisation.name", " ")))
                .isInstanceOf(BindException.class).cause().hasMessageContaining("name");
        assertThatThrownBy(() -> bind(Map.of("resetflow.organisation.helpdesk-url", "")))
                .isInstanceOf(BindException.class).cause().hasMessageContaining("helpdeskUrl");
    }
}
