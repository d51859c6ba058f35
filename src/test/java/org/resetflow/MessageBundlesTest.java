package org.resetflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resetflow.channel.Channels;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.shared.JourneyKind;
import org.resetflow.shared.Method;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every text the code can ask for exists in English and in German, read from the bundles as the application reads them. */
class MessageBundlesTest {

    private static final List<String> LANGUAGES = List.of("", "_de");

    /** Field-error codes named in the brief of the API; the scan of the sources below must find at least these. */
    private static final List<String> KNOWN_FIELD_ERRORS = List.of("CODE_WRONG", "ANSWERS_WRONG", "PASSWORD_WRONG", "EMAIL_INVALID",
            "PHONE_INVALID", "EMAIL_IS_WORK_ADDRESS", "QUESTION_UNKNOWN", "QUESTION_DUPLICATE", "ANSWER_TOO_SHORT", "ANSWER_DUPLICATE",
            "REQUIRED", "TOO_LONG", "TOO_SHORT", "PATTERN", "NOT_AN_OPTION", "NOT_TEXT", "NOT_BOOLEAN", "NOT_NUMBER", "UNKNOWN_FIELD",
            "VALUES_NOT_OBJECT", "BODY_NOT_OBJECT", "TOO_MANY_FIELDS", "CONTROL_CHARACTERS");

    private static final Pattern FIELD_ERROR = Pattern.compile("\\.add\\([^,;]*,\\s*\"([A-Z][A-Z0-9_]*[A-Z0-9]):?\"");
    private static final Set<String> STAFF_FORMS = Set.of("escalation", "directoryWriteFailing", "notMeReport");
    private static final Pattern FAILED_PROOF = Pattern.compile("\\.record\\(execution,[^,;]*,\\s*\"([A-Z][A-Z0-9_]*[A-Z0-9])\"");
    private static final Pattern ERROR_KEY = Pattern.compile("\"error\\.([A-Z][A-Z0-9_]*[A-Z0-9])\"");
    private static final Pattern PENDING_NOTICE = Pattern.compile("setVariable\\('pendingNotice',\\s*'([A-Z_]+)'\\)");

    private static Properties bundle(String name) {
        Properties messages = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource("messages/" + name + ".properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            messages.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    private static void assertInBothLanguages(String bundle, Iterable<String> keys) {
        for (String language : LANGUAGES) {
            Properties messages = bundle(bundle + language);
            for (String key : keys) {
                assertThat(messages.getProperty(key)).as("%s in %s%s.properties", key, bundle, language).isNotBlank();
            }
        }
    }

    private static Set<String> keys(String bundle, String prefix) {
        return bundle(bundle).stringPropertyNames().stream().filter(key -> key.startsWith(prefix)).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"journey", "channel", "questions", "portal"})
    void englishAndGermanHaveTheSameKeys(String bundle) {
        assertThat(keys(bundle + "_de", "")).isNotEmpty().isEqualTo(keys(bundle, ""));
    }

    @Test
    void everyJourneyKeyOfOneLanguageIsInTheOther() {
        assertThat(keys("journey_de", "journey.")).isEqualTo(keys("journey", "journey."));
    }

    @Test
    void everyQuestionOfTheDefaultCatalogueHasATextInBothLanguages() {
        RegistrationProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("resetflow.registration", Bindable.of(RegistrationProperties.class));

        assertThat(defaults.questions()).hasSizeGreaterThanOrEqualTo(defaults.questionsToRegister());
        assertInBothLanguages("questions", defaults.questions().stream().map(id -> "question." + id).toList());
    }

    @Test
    void everyFieldErrorTheCodeCanProduceHasATextInBothLanguages() {
        Set<String> produced = new TreeSet<>();
        for (String source : mainSources()) {
            collect(FIELD_ERROR, source, produced);
            collect(FAILED_PROOF, source, produced);
            collect(ERROR_KEY, source, produced);
        }

        assertThat(produced).containsAll(KNOWN_FIELD_ERRORS).contains("INVALID");
        assertInBothLanguages("journey", produced.stream().map(code -> "error." + code).toList());
    }

    @Test
    void everyNoticeTheModelsLeaveForTheUserHasATextInBothLanguages() {
        Set<String> notices = new TreeSet<>();
        for (Path model : files(Path.of("processes"), ".bpmn")) {
            collect(PENDING_NOTICE, read(model), notices);
        }

        assertThat(notices).contains("CODE_EXPIRED", "CODE_LIMIT");
        assertInBothLanguages("journey", notices.stream().map(notice -> "journey.notice." + notice).toList());
    }

    @Test
    void everyMethodHasATextInBothLanguages() {
        assertInBothLanguages("journey", Stream.of(Method.values()).map(method -> "method." + method.name()).toList());
    }

    @Test
    void everyJourneyEndHasATextInBothLanguages() {
        List<String> keys = new ArrayList<>(List.of("journey.helpdesk", "journey.working", "journey.pending", "journey.pending.helpdesk",
                "journey.pending.stalled", "journey.reconfirm",
                "journey.escalated", "journey.refused.HELPDESK", "journey.lockedOut", "journey.lockedOut.later", "journey.lockedOut.helpdesk", "journey.expired"));
        Stream.of(JourneyKind.values()).forEach(kind -> keys.add("journey.completed." + kind.variableValue()));
        refusalReasons().forEach(reason -> keys.add("journey.refused." + reason));

        assertInBothLanguages("journey", keys);
    }

    @Test
    void everyMessageSentToUsersHasATextInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>(List.of("mail.footer", "mail.notYou", "mail.helpdesk", "mail.notMe", "mail.notMe.link", "mail.verification-code.expiry",
                "mail.verification-code.notYou", "channel.code.SMS.body", "channel.code.VOICE.body"));
        List<String> templates;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/mail"))) {
            templates = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".txt"))
                    .map(name -> name.substring(0, name.length() - ".txt".length()))
                    .toList();
        }
        assertThat(templates).hasSize(Channels.Notice.values().length + 2);
        for (String template : templates) {
            assertThat(Path.of("src/main/resources/templates/mail/" + template + ".html")).as("the HTML of " + template).exists();
            for (String part : List.of("subject", "heading", "text")) {
                keys.add("mail." + template + "." + part);
            }
        }
        for (Channels.Notice notice : Channels.Notice.values()) {
            keys.add("channel.notice." + notice.name() + ".sms");
        }

        assertInBothLanguages("channel", keys);
    }

    /** A text message names the helpdesk with the organisation's own sentence ("Contact the IT helpdesk."): never after a colon. */
    @Test
    void aTextMessageLetsTheHelpdesksOwnSentenceStandOnItsOwn() {
        for (String language : LANGUAGES) {
            Properties messages = bundle("channel" + language);
            for (Channels.Notice notice : Channels.Notice.values()) {
                String text = new MessageFormat(messages.getProperty("channel.notice." + notice.name() + ".sms"), Locale.ROOT)
                        .format(new Object[] {"Example Org", "alice", "", "Contact the IT helpdesk. https://help.example.org", "https://x/not-me/1"});
                assertThat(text).as(notice + " in channel" + language).doesNotContain(": Contact the IT helpdesk");
            }
        }
    }

    /** The staff forms ({@code escalation}, {@code directoryWriteFailing}, {@code notMeReport}) are rendered by Tasklist, which shows the English of the .form file. */
    @Test
    void everyTextOfTheFormsUsersSeeHasAGermanTranslationAndNoTranslationIsStale() throws IOException {
        Properties german = bundle("forms_de");
        Set<String> expected = new TreeSet<>();
        for (Path file : files(Path.of("forms"), ".form")) {
            JsonNode form = new ObjectMapper().readTree(file.toFile());
            if (STAFF_FORMS.contains(form.path("id").asText())) {
                continue;
            }
            for (JsonNode component : form.path("components")) {
                String name = component.has("key") ? component.get("key").asText() : component.path("id").asText();
                for (String property : List.of("label", "description", "text", "alt")) {
                    if (component.has(property) && !component.get(property).asText().startsWith("=")) {
                        expected.add("form." + form.get("id").asText() + "." + name + "." + property);
                    }
                }
                component.path("values").forEach(option ->
                        expected.add("form." + form.get("id").asText() + "." + name + ".option." + option.path("value").asText()));
            }
        }

        assertThat(new TreeSet<>(german.stringPropertyNames())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"journey", "journey_de", "channel", "channel_de", "questions", "questions_de", "forms_de"})
    void everyTextFormatsWithoutLosingCharacters(String bundle) {
        Properties messages = bundle(bundle);
        for (String key : messages.stringPropertyNames()) {
            String text = messages.getProperty(key);
            String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"a", "b", "c", "d", "e"});

            assertThat(text).as(key + ": a plain apostrophe is a quote to MessageFormat; use ’").doesNotContain("'");
            assertThat(formatted).as(key).doesNotContain("{").doesNotContain("}");
        }
    }

    /** The reasons the eligibility table gives when it refuses, each shown to the user as journey.refused.REASON. */
    private static Set<String> refusalReasons() {
        try (InputStream dmn = Files.newInputStream(Path.of("processes/eligibility.dmn"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(dmn);
            NodeList outputs = document.getElementsByTagNameNS("*", "output");
            int eligibility = -1;
            int reason = -1;
            for (int i = 0; i < outputs.getLength(); i++) {
                String name = ((Element) outputs.item(i)).getAttribute("name");
                eligibility = name.equals("eligibility") ? i : eligibility;
                reason = name.equals("reason") ? i : reason;
            }
            Set<String> reasons = new TreeSet<>();
            NodeList rules = document.getElementsByTagNameNS("*", "rule");
            for (int i = 0; i < rules.getLength(); i++) {
                NodeList entries = ((Element) rules.item(i)).getElementsByTagNameNS("*", "outputEntry");
                if (entries.item(eligibility).getTextContent().trim().equals("\"NOT_ELIGIBLE\"")) {
                    reasons.add(entries.item(reason).getTextContent().trim().replace("\"", ""));
                }
            }
            assertThat(reasons).as("refusal reasons in eligibility.dmn").isNotEmpty();
            return reasons;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read processes/eligibility.dmn", e);
        }
    }

    private static List<String> mainSources() {
        return files(Path.of("src/main/java"), ".java").stream().map(MessageBundlesTest::read).toList();
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> found = paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
            assertThat(found).as("%s files under %s", suffix, folder).isNotEmpty();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
