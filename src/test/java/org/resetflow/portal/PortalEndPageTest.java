package org.resetflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resetflow.journey.FlowView;
import org.resetflow.shared.JourneyStatus;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The page that ends a journey, drawn from its template without a browser or an application: what a person is
 * offered after each outcome, in English and German. The browser tests walk the same pages end to end.
 */
class PortalEndPageTest {

    private static final String HELPDESK = "Call the service desk on 0800 123 456.";
    private static final String SIGN_IN = "https://sign-in.example.org/";

    private final SpringTemplateEngine engine = engine();

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/portal", "messages/journey");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    private String endPage(JourneyStatus status, String signInUrl, Locale locale, FlowView.Message... messages) {
        MockServletContext servletContext = new MockServletContext();
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(servletContext);
        Map<String, Object> model = new HashMap<>();
        model.put("journey", "reset");
        model.put("view", new FlowView("flow-1", null, status, null, List.of(messages), List.of()));
        model.put("refresh", false);
        model.put("branding", new PortalModel.Branding("Example Org", "/portal/logo.svg", HELPDESK, "https://helpdesk.example.org/", signInUrl));
        model.put("lang", locale.getLanguage());
        model.put("path", "/reset");
        WebContext context = new WebContext(application.buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse()),
                locale, model);
        return engine.process("portal/flow", context);
    }

    private static FlowView.Message completed() {
        return new FlowView.Message("completed.reset", "Your password has been changed. Sign in with your new password.");
    }

    @Test
    void afterASuccessTheOnlyButtonLeadsToSignInAndTheHelpdeskIsNamedOnce() {
        String page = endPage(JourneyStatus.COMPLETED, SIGN_IN, Locale.ENGLISH, completed());

        assertThat(page).contains("class=\"button primary\" href=\"" + SIGN_IN + "\">Back to sign-in</a>")
                .containsOnlyOnce(HELPDESK)
                .doesNotContain("Start again").doesNotContain("/reset/restart")
                .doesNotContain("You can close this page now.");
    }

    @Test
    void afterASuccessWithoutASignInPageThePageSaysItCanBeClosedInTheUsersLanguage() {
        String english = endPage(JourneyStatus.COMPLETED, null, Locale.ENGLISH, completed());
        String german = endPage(JourneyStatus.COMPLETED, null, Locale.GERMAN, completed());

        assertThat(english).contains("You can close this page now.").containsOnlyOnce(HELPDESK)
                .doesNotContain("Start again").doesNotContain("/reset/restart").doesNotContain("Back to sign-in");
        assertThat(german).contains("Sie können diese Seite jetzt schließen.").containsOnlyOnce(HELPDESK)
                .doesNotContain("Neu beginnen").doesNotContain("/reset/restart");
    }

    @Test
    void anOutcomeThatSendsTheUserToTheHelpdeskNamesItOnceAtTheOutcomeAndOffersToStartAgain() {
        String page = endPage(JourneyStatus.ESCALATED, null, Locale.ENGLISH,
                new FlowView.Message("escalated", "You have not registered any way to prove who you are, so your helpdesk will help you."),
                new FlowView.Message("helpdesk", "Need help? " + HELPDESK + " https://helpdesk.example.org/"));

        assertThat(page).containsOnlyOnce(HELPDESK).contains("<p class=\"helpdesk\">")
                .doesNotContain("Need help?")
                .contains("/reset/restart").contains("Start again").doesNotContain("You can close this page now.");
        assertThat(page.substring(page.indexOf("<footer"))).doesNotContain(HELPDESK);
    }

    @Test
    void anExpiredRequestOffersToStartAgainWithTheHelpdeskInTheFooter() {
        String page = endPage(JourneyStatus.EXPIRED, null, Locale.GERMAN,
                new FlowView.Message("expired", "Diese Anfrage ist abgelaufen."));

        assertThat(page).contains("Neu beginnen").containsOnlyOnce(HELPDESK);
        assertThat(page.substring(page.indexOf("<footer"))).contains(HELPDESK);
    }
}
