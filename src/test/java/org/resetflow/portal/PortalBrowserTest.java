package org.resetflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.resetflow.eligibility.AccountProfiles;
import org.resetflow.testing.Browsers;
import org.resetflow.testing.CodeDeliveries;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.UnknownUsernames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal in a real headless Chromium, with and without JavaScript (the two subclasses): the journeys a person
 * takes, the errors they see, and a screenshot of every step under {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("embedded")
@EnabledIf("org.resetflow.testing.Browsers#available")
abstract class PortalBrowserTest {

    static final Path DATA = EmbeddedTestDefaults.newDataDirectory();
    static final int CLOUD_PORT = EmbeddedTestDefaults.freePort();
    static final int ON_PREMISES_PORT = EmbeddedTestDefaults.freePort();
    /**
     * A port known before the start: the embedded profile's passkey origin is {@code http://localhost:${server.port}}, and
     * the browser's origin must be exactly that for a passkey to be accepted.
     */
    static final int PORTAL_PORT = EmbeddedTestDefaults.freePort();
    private static final AtomicInteger PASSWORDS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Longer than the cloud policy's 8: a password can pass the cloud policy and still be refused on-premises. */
    static final int ON_PREMISES_MINIMUM_LENGTH = 20;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(DATA, CLOUD_PORT, ON_PREMISES_PORT).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("resetflow.embedded-directories.on-premises-minimum-password-length", () -> ON_PREMISES_MINIMUM_LENGTH);
        registry.add("server.port", () -> PORTAL_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    AccountProfiles profiles;

    ChromeDriver browser;
    private int shot;

    abstract boolean javascript();

    @BeforeEach
    void openBrowser() {
        browser = Browsers.start(javascript(), 1024, 900);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    // ---- the journeys ----

    @Test
    void aliceResetsHerPasswordWithAnEmailCode() {
        open("/");
        screenshot("alice", "home");
        clickLink(text("portal.home.reset"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text("portal.journey.reset"));
        startWith("alice");
        assertThat(progress()).isEqualTo("Step 1 of 3");
        screenshot("alice", "choose-method");
        choose("EMAIL");
        fill("field-contact", "alice.alt@example.org");
        submit();
        assertThat(progress()).isEqualTo("Step 2 of 3");
        screenshot("alice", "enter-code");
        fill("field-code", lastCodeTo("alice.alt@example.org"));
        submit();
        assertThat(progress()).isEqualTo("Step 3 of 3");
        assertThat(browser.findElement(By.id("field-password-rules")).getText()).contains("At least 8 characters");
        screenshot("alice", "set-password");
        setPassword(newPassword());
        assertThat(browser.findElement(By.cssSelector(".outcome h2")).getText()).isEqualTo(text("portal.status.COMPLETED"));
        assertThat(browser.findElement(By.cssSelector(".outcome")).getText()).contains("Your password has been changed");
        assertThat(browser.findElement(By.cssSelector(".close-hint")).getText()).isEqualTo(text("portal.done.close"));
        assertThat(browser.findElements(By.cssSelector("main button"))).as("no \"Start again\" after a success").isEmpty();
        assertThat(browser.findElements(By.partialLinkText("Contact the helpdesk"))).as("the helpdesk once, in the footer")
                .singleElement().satisfies(link -> assertThat(link.getAttribute("href")).isEqualTo("https://helpdesk.example.org/"));
        screenshot("alice", "done");
    }

    @Test
    void davePassesTwoGatesAndIsNeverOfferedSecurityQuestions() {
        open("/reset");
        startWith("dave");
        assertThat(progress()).isEqualTo("Step 1 of 5");
        assertThat(optionValues()).containsExactly("EMAIL", "SMS", "VOICE_MOBILE", "VOICE_OFFICE");
        choose("EMAIL");
        fill("field-contact", "dave.alt@example.org");
        submit();
        fill("field-code", lastCodeTo("dave.alt@example.org"));
        submit();
        assertThat(progress()).isEqualTo("Step 3 of 5");
        assertThat(optionValues()).containsExactly("SMS", "VOICE_MOBILE", "VOICE_OFFICE");
        assertThat(browser.findElement(By.tagName("fieldset")).getText()).contains("+1 *** *** **04");
        screenshot("dave", "second-gate");
        choose("SMS");
        fill("field-contact", "+1 202 555 0104");
        submit();
        fill("field-code", lastCodeTo("+12025550104"));
        submit();
        assertThat(progress()).isEqualTo("Step 5 of 5");
        setPassword(newPassword());
        assertThat(browser.findElement(By.cssSelector(".outcome h2")).getText()).isEqualTo(text("portal.status.COMPLETED"));
    }

    @Test
    void carolIsToldThatTheHelpdeskWillHelpHer() {
        open("/reset");
        startWith("carol");
        assertThat(browser.findElement(By.cssSelector(".outcome h2")).getText()).isEqualTo(text("portal.status.ESCALATED"));
        assertThat(browser.findElement(By.cssSelector(".outcome")).getText()).contains("your helpdesk will help you");
        assertThat(browser.findElement(By.cssSelector("main .helpdesk")).getText()).contains("Contact the IT helpdesk.");
        assertThat(browser.findElement(By.tagName("body")).getText()).as("the helpdesk once").containsOnlyOnce("Contact the IT helpdesk.");
        screenshot("carol", "escalated");
    }

    @Test
    void anUnknownUserSeesTheSamePagesAsAliceUpToTheCode() {
        List<String> alice = pagesUpToTheCode("alice", "alice.alt@example.org");
        browser.manage().deleteAllCookies();
        List<String> unknown = pagesUpToTheCode(UnknownUsernames.withoutAnApp(profiles, "nobody.here"), "nobody@example.org");
        assertThat(unknown).isEqualTo(alice);
        assertThat(outbox("nobody@example.org")).isEmpty();
    }

    private List<String> pagesUpToTheCode(String username, String contact) {
        List<String> pages = new ArrayList<>();
        open("/reset");
        pages.add(mainText());
        startWith(username);
        pages.add(mainText());
        choose("EMAIL");
        fill("field-contact", contact);
        submit();
        pages.add(mainText());
        return pages;
    }

    @Test
    void aWrongCodeIsShownNextToTheCodeField() {
        open("/reset");
        startWith("gina");
        choose("EMAIL");
        fill("field-contact", "gina.alt@example.org");
        submit();
        String code = lastCodeTo("gina.alt@example.org");
        fill("field-code", code.equals("00000000") ? "11111111" : "00000000");
        submit();
        WebElement field = browser.findElement(By.id("field-code"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("field-code-errors");
        assertThat(browser.findElement(By.id("field-code-errors")).getText()).isEqualTo(journeyText("error.CODE_WRONG"));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains(journeyText("error.CODE_WRONG"));
        screenshot("gina", "wrong-code");
        fill("field-code", code);
        submit();
        assertThat(progress()).isEqualTo("Step 3 of 3");
    }

    @Test
    void aWeakPasswordShowsEveryRuleItBreaks() {
        open("/reset");
        startWith("erin");
        choose("EMAIL");
        fill("field-contact", "erin.alt@example.org");
        submit();
        fill("field-code", lastCodeTo("erin.alt@example.org"));
        submit();
        fill("field-password", "erin2026");
        fill("field-passwordConfirmation", "erin2027");
        submit();
        String passwordErrors = browser.findElement(By.id("field-password-errors")).getText();
        assertThat(passwordErrors)
                .contains(passwordText("password.rule.NOT_ENOUGH_CHARACTER_CLASSES").replace("{0}", "3"))
                .contains(passwordText("password.rule.CONTAINS_NAME").replace("{0}", "Erin"))
                .doesNotContain(journeyText("error.INVALID"));
        assertThat(browser.findElement(By.id("field-passwordConfirmation-errors")).getText())
                .isEqualTo(passwordText("password.rule.CONFIRMATION_MISMATCH"));
        assertThat(browser.findElement(By.id("field-password")).getAttribute("value")).as("a password is never sent back").isEmpty();
        screenshot("erin", "weak-password");
    }

    @Test
    void aPasswordTheOnPremisesDirectoryRefusesIsExplainedNextToTheField() {
        open("/reset");
        startWith("bob");
        choose("SMS");
        fill("field-contact", "+1 202 555 0102");
        submit();
        fill("field-code", lastCodeTo("+12025550102"));
        submit();
        setPassword(newPassword());
        assertThat(browser.findElement(By.id("field-password-errors")).getText())
                .isEqualTo(passwordText("password.onpremises.TOO_SHORT"));
        screenshot("bob", "refused-on-premises");
        setPassword("Quiet-Harbour-Lantern-" + (1000 + PASSWORDS.incrementAndGet()));
        assertThat(browser.findElement(By.cssSelector(".outcome h2")).getText()).isEqualTo(text("portal.status.COMPLETED"));
    }

    @Test
    void germanChangesEveryVisibleText() throws IOException {
        List<String> english = englishTexts();
        open("/?lang=de");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertGerman(english, "home");
        clickLink("zurücksetzen");
        assertGerman(english, "start");
        startWith("alice");
        assertGerman(english, "choose-method");
        choose("EMAIL");
        fill("field-contact", "alice.alt@example.org");
        submit();
        assertGerman(english, "enter-code");
        fill("field-code", "00000000");
        submit();
        assertGerman(english, "wrong-code");
        fill("field-code", lastCodeTo("alice.alt@example.org"));
        submit();
        assertGerman(english, "set-password");
        fill("field-password", "kurz");
        fill("field-passwordConfirmation", "kurz");
        submit();
        assertGerman(english, "weak-password");
        assertThat(browser.findElement(By.id("field-password-errors")).getText()).contains("Verwenden Sie mindestens 8 Zeichen.");
    }

    @Test
    void theRegistrationAsksForTheCurrentPasswordFirst() {
        open("/register");
        startWith("frank");
        assertThat(browser.findElement(By.cssSelector("input[name=password]")).getAttribute("type")).isEqualTo("password");
        assertThat(browser.findElement(By.cssSelector("label[for=field-password]")).getText()).isEqualTo("Current password");
        screenshot("frank", "register-confirm-password");
    }

    @Test
    void aMistypedAddressShowsTheNotFoundPageInThePortalsLookAndLeadsBackHome() {
        open("/reset/nope");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text("portal.error.404.heading"));
        assertThat(browser.findElement(By.cssSelector(".site-header .brand")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".status-code")).getText()).isEqualTo("Error 404");
        screenshot("errors", "not-found");
        clickLink(text("portal.home.link"));
        assertThat(browser.getCurrentUrl()).endsWith("/");
    }

    // ---- what a person using the page needs ----

    @Test
    void everyInputHasALabelAndThePageFitsA360PixelScreen() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        open("/reset");
        startWith("alice");
        for (WebElement input : browser.findElements(By.cssSelector("main input:not([type=hidden]), main select, main textarea"))) {
            String id = input.getAttribute("id");
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("a label for " + id).isNotEmpty();
        }
        Long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        if (javascript()) {
            assertThat(scrollWidth).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360L);
        }
        screenshot("alice", "narrow-choose-method");
    }

    // ---- helpers ----

    void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    /** Passkeys are bound to the RP id {@code localhost}: a page at 127.0.0.1 could not use them. */
    void openOnLocalhost(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /**
     * Registers a passkey made by {@code device} for the user over the public API, as a kiosk would: the registration
     * keeps the user's contacts and authenticator app and answers three questions.
     */
    void registerPasskeyOverTheApi(String user, org.resetflow.testing.SoftwareAuthenticator device) {
        org.resetflow.testing.JourneyApi api = new org.resetflow.testing.JourneyApi(port);
        org.resetflow.testing.JourneyApi.Flow flow = api.flow("registrations", api.start("registrations", user));
        assertThat(api.submit(flow, "confirmPassword", java.util.Map.of("password", "Demo-Passw0rd!")).stepKey()).isEqualTo("enterContacts");
        org.resetflow.testing.JourneyApi.Response step = api.submit(flow, "enterContacts", java.util.Map.of());
        if ("setUpAuthenticatorApp".equals(step.stepKey())) {
            step = api.submit(flow, "setUpAuthenticatorApp", java.util.Map.of("authenticatorApp", api.optionValues(step).get(0)));
        }
        assertThat(step.stepKey()).isEqualTo("setUpPasskey");
        String options = null;
        for (JsonNode component : step.body().path("step").path("form").path("components")) {
            if ("creationOptions".equals(component.path("properties").path("webauthn").asText())) {
                options = component.path("text").asText();
            }
        }
        java.util.Map<String, Object> values = new java.util.HashMap<>(device.create(options));
        values.put("passkey", "add");
        assertThat(api.submit(flow, "setUpPasskey", values).stepKey()).isEqualTo("chooseQuestions");
        assertThat(api.submit(flow, "chooseQuestions", java.util.Map.of("question1", "first-pet", "answer1", "Rex", "question2", "birth-city",
                "answer2", "Springfield", "question3", "first-school", "answer3", "Lincoln")).field("status")).isEqualTo("COMPLETED");
    }

    void startWith(String username) {
        fill("field-username", username);
        submit();
    }

    void fill(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    void choose(String value) {
        browser.findElement(By.cssSelector("input[type=radio][value='" + value + "']")).click();
    }

    /** Submits the step's form and waits until the next page has replaced this one. */
    void submit() {
        navigate(() -> browser.findElement(By.cssSelector("main form button.primary")).click());
    }

    void clickLink(String text) {
        navigate(() -> browser.findElement(By.partialLinkText(text)).click());
    }

    private void navigate(Runnable action) {
        WebElement page = browser.findElement(By.tagName("main"));
        action.run();
        waitUntilGone(browser, page);
    }

    /** The old page is gone once its elements are; mid-navigation the browser may say so in either of two ways. */
    static void waitUntilGone(ChromeDriver browser, WebElement page) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException replacedWhileAsking) {
                return true;
            }
        });
    }

    void setPassword(String password) {
        fill("field-password", password);
        fill("field-passwordConfirmation", password);
        submit();
    }

    String progress() {
        return browser.findElement(By.cssSelector(".progress")).getText();
    }

    List<String> optionValues() {
        return browser.findElements(By.cssSelector("input[type=radio]")).stream().map(radio -> radio.getAttribute("value")).toList();
    }

    String mainText() {
        return browser.findElement(By.tagName("main")).getText();
    }

    static String newPassword() {
        return "Lantern-Orchard-" + (42 + PASSWORDS.incrementAndGet()) + "!";
    }

    void screenshot(String journey, String step) {
        try {
            Path folder = Path.of("target", "screenshots", javascript() ? "with-javascript" : "without-javascript");
            Files.createDirectories(folder);
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            Files.write(folder.resolve(String.format("%s-%02d-%s.png", journey, ++shot, step)), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String lastCodeTo(String recipient) {
        CodeDeliveries.awaitAllEnded(history);
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode messages = outbox(recipient);
            last[0] = messages.size() == 0 ? null : messages.get(messages.size() - 1);
            return last[0] != null;
        });
        return last[0].path("code").asText();
    }

    JsonNode outbox(String recipient) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/dev/outbox?to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertGerman(List<String> english, String page) {
        String visible = browser.findElement(By.tagName("body")).getText();
        List<String> found = english.stream().filter(visible::contains).toList();
        assertThat(found).as("English text on the German page '%s'", page).isEmpty();
        screenshot("german", page);
    }

    static String text(String key) {
        return bundle("messages/portal.properties").getProperty(key);
    }

    static String journeyText(String key) {
        return bundle("messages/journey.properties").getProperty(key);
    }

    static String passwordText(String key) {
        return bundle("messages/passwordpolicy.properties").getProperty(key);
    }

    /** Every English text a page could show: the bundles' plain messages and the texts of the forms. */
    static List<String> englishTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : List.of("portal", "journey", "passwordpolicy", "questions")) {
            bundle("messages/" + name + ".properties").forEach((key, value) -> {
                String text = value.toString();
                if (!key.toString().startsWith("portal.language.") && !text.contains("{") && text.length() >= 4) {
                    texts.add(text);
                }
            });
        }
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                JsonNode components = JSON.readTree(form.toFile()).path("components");
                for (JsonNode component : components) {
                    for (String property : List.of("label", "description", "text")) {
                        String text = component.path(property).asText("");
                        if (!text.startsWith("=") && text.length() >= 4 && !form.getFileName().toString().equals("escalation.form")
                                && !form.getFileName().toString().equals("directoryWriteFailing.form")
                                && !form.getFileName().toString().equals("notMeReport.form")) {
                            texts.add(text);
                        }
                    }
                }
            }
        }
        return texts;
    }

    private static Properties bundle(String resource) {
        try (InputStream in = PortalBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
