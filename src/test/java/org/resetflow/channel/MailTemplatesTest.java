package org.resetflow.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

class MailTemplatesTest {

    @TempDir
    Path folder;

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/channel");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }

    private MailTemplates templates(String templatesFolder) {
        return new MailTemplates(new ChannelProperties("resetflow@example.org", templatesFolder,
                new ChannelProperties.Twilio("", "", "", "https://api.twilio.com", Duration.ofSeconds(10))), messages());
    }

    private static Map<String, Object> variables() {
        return Map.of("organisation", "Example Org", "username", "alice", "detail", "", "helpdesk", "Call us. https://help.example.org",
                "helpdeskText", "Call us.", "helpdeskUrl", "https://help.example.org", "code", "24681357", "minutes", 10);
    }

    @Test
    void theBuiltInTemplatesSpeakTheUsersLanguage() {
        MailTemplates.Rendered german = templates("").render("password-reset", Locale.GERMAN, variables());
        assertThat(german.text()).contains("Ihr Passwort wurde geändert").contains("alice");
        assertThat(german.html()).contains("<html lang=\"de\"").contains("Ihr Passwort wurde geändert").contains("https://help.example.org");
        MailTemplates.Rendered english = templates("").render("password-reset", Locale.ENGLISH, variables());
        assertThat(english.text()).contains("Your password was changed");
    }

    @Test
    void everyNoticeHasATemplateWhoseWordsExistInEveryLanguage() {
        for (Channels.Notice notice : Channels.Notice.values()) {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
                MailTemplates.Rendered rendered = templates("").render(notice.template(), locale, variables());
                assertThat(rendered.text()).as(notice + " in " + locale).doesNotContain("??").contains("alice");
                assertThat(rendered.html()).as(notice + " in " + locale).doesNotContain("??").contains("alice");
            }
        }
    }

    @Test
    void aNoticeOfRecoveryCarriesItsNotMeLinkInTheTextAndTheHtmlInEveryLanguage() {
        String link = "https://password.example.org/not-me/" + "x".repeat(43);
        Map<String, Object> variables = new HashMap<>(variables());
        variables.put("notMeLink", link);
        for (Channels.Notice notice : Channels.Notice.values()) {
            if (!notice.tellsOfRecovery()) {
                continue;
            }
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
                MailTemplates.Rendered rendered = templates("").render(notice.template(), locale, variables);
                assertThat(rendered.text()).as(notice + " in " + locale).contains("\n" + link + "\n").doesNotContain("??");
                assertThat(rendered.html()).as(notice + " in " + locale).contains("href=\"" + link + "\"").doesNotContain("??");
            }
        }
        MailTemplates.Rendered english = templates("").render("password-reset", Locale.ENGLISH, variables);
        assertThat(english.text()).contains("Was this not you?").doesNotContain("contact your helpdesk at once");
        assertThat(english.html()).contains(">This was not me</a>");
        assertThat(templates("").render("password-reset", Locale.GERMAN, variables).html()).contains(">Das war ich nicht</a>");
        assertThat(templates("").render("password-reset", Locale.ENGLISH, variables()).text())
                .as("without a link").contains("tell your helpdesk at once").doesNotContain("not-me");
    }

    /** The organisation's helpdesk text is a sentence of its own: after "Need help?", never after "tell your helpdesk:". */
    @Test
    void theHelpdesksOwnSentenceStandsOnItsOwnOnceInEveryMessageAndLanguage() {
        String sentence = "Contact the IT helpdesk.";
        Map<String, Object> variables = new HashMap<>(variables());
        variables.put("helpdesk", sentence + " https://help.example.org");
        variables.put("helpdeskText", sentence);
        List<String> templates = new ArrayList<>(List.of("verification-code", "administrator-password-reset"));
        for (Channels.Notice notice : Channels.Notice.values()) {
            templates.add(notice.template());
        }
        Map<Locale, String> needHelp = Map.of(Locale.ENGLISH, "Need help? ", Locale.GERMAN, "Brauchen Sie Hilfe? ");
        for (String template : templates) {
            for (Locale locale : needHelp.keySet()) {
                MailTemplates.Rendered rendered = templates("").render(template, locale, variables);
                assertThat(rendered.text()).as(template + " in " + locale)
                        .containsOnlyOnce(sentence).contains(needHelp.get(locale) + sentence + " https://help.example.org\n");
                assertThat(rendered.html()).as(template + " in " + locale)
                        .containsOnlyOnce(sentence).contains(needHelp.get(locale) + sentence + "</span>");
            }
        }
        assertThat(templates("").render("verification-code", Locale.ENGLISH, variables).text())
                .contains("If you did not ask for a code, you can ignore this message, but please tell your helpdesk.\n\nNeed help? ");
        assertThat(templates("").render("registration-confirmed", Locale.GERMAN, variables).text())
                .contains("Waren Sie das nicht, informieren Sie sofort Ihren Helpdesk.\n\nBrauchen Sie Hilfe? " + sentence);
    }

    @Test
    void aTemplateInTheConfiguredFolderReplacesTheBuiltInOneAndIsReadAgainAtEverySend() throws IOException {
        Files.writeString(folder.resolve("verification-code.txt"), "Your code at [[${organisation}]]: [[${code}]]\n");
        MailTemplates templates = templates(folder.toString());

        assertThat(templates.render("verification-code", Locale.ENGLISH, variables()).text()).isEqualTo("Your code at Example Org: 24681357\n");
        assertThat(templates.render("verification-code", Locale.ENGLISH, variables()).html())
                .as("the HTML was not replaced").contains("Your verification code");

        Files.writeString(folder.resolve("verification-code.txt"), "Code: [[${code}]]\n");
        assertThat(templates.render("verification-code", Locale.ENGLISH, variables()).text()).isEqualTo("Code: 24681357\n");
    }
}
