package org.resetflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.resetflow.testing.Browsers;
import org.resetflow.testing.JourneyApi;

/** The condition is not inherited from {@link PortalBrowserTest}: JUnit reads it on the test class itself. */
@EnabledIf("org.resetflow.testing.Browsers#available")
class PortalWithJavaScriptTest extends PortalBrowserTest {

    /** The demo directory's password of every account but {@code demo}. */
    private static final String STAFF_PASSWORD = "Demo-Passw0rd!";

    @Override
    boolean javascript() {
        return true;
    }

    /**
     * helen (helpdesk) opens the handover link of carol's escalation in a browser without a session: the staff
     * sign-in, then the page the link pointed to; Tasklist then knows her as well, and its Escalations filter lists
     * the escalation by its name, which says whose it is and why.
     */
    @Test
    void theHandoverLinkWithoutASessionLeadsThroughTheStaffSignInToTheLinkAndIntoTasklist() {
        JourneyApi api = new JourneyApi(port);
        String flowId = api.start("resets", "carol").body().path("flowId").asText();
        String escalation = api.getPath("/engine-rest/task?processInstanceBusinessKey=" + flowId, "helen:" + STAFF_PASSWORD).body()
                .get(0).path("processInstanceId").asText();

        open("/staff/escalations/" + escalation);
        assertThat(browser.getCurrentUrl()).contains("/staff/sign-in?next=");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text("portal.staffSignIn.heading"));
        screenshot("staff", "sign-in");
        fill("field-username", "helen");
        fill("field-password", STAFF_PASSWORD);
        submit();
        assertThat(browser.getCurrentUrl()).endsWith("/staff/escalations/" + escalation);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Temporary password handover");

        open("/camunda/app/tasklist/default/");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                driver.getPageSource().contains("Review: carol (reset) – no recovery information registered"));
        screenshot("staff", "tasklist-escalations");
    }

    /** A platform passkey that verifies its user, as Chromium's DevTools (the WebAuthn domain) emulates one. */
    private static VirtualAuthenticator platformAuthenticator(ChromeDriver browser) {
        return browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
    }

    /** From the start page of a reset to the passkey step, choosing the passkey. */
    private void toThePasskeyStep(String user) {
        // a new reset: the cookie of the last one would show its outcome
        browser.manage().deleteAllCookies();
        openOnLocalhost("/reset");
        startWith(user);
        assertThat(browser.findElement(By.cssSelector("input[value=PASSKEY]")).isDisplayed()).as("offered where the browser can use it").isTrue();
        choose("PASSKEY");
        submit();
        assertThat(browser.findElement(By.cssSelector("main form button.primary")).getText()).isEqualTo(text("portal.passkey.use"));
    }

    /**
     * pia adds a passkey in the registration (the browser makes it with Chromium's virtual authenticator) and resets with
     * it; an assertion captured from the browser is refused when posted again over the API; and a second browser profile
     * whose authenticator holds a different key under pia's credential id is refused by the server.
     */
    @Test
    void piaAddsAPasskeyInTheBrowserAndResetsWithItAndNoOtherKeyOrReplayPasses() {
        VirtualAuthenticator authenticator = platformAuthenticator(browser);
        openOnLocalhost("/register");
        startWith("pia");
        fill("field-password", "Demo-Passw0rd!");
        submit();
        submit();
        choose("skip");
        submit();
        assertThat(optionValues()).contains("add");
        screenshot("pia", "add-passkey");
        choose("add");
        fill("field-passkeyLabel", "Pia’s laptop");
        submit();
        assertThat(authenticator.getCredentials()).as("the browser made one passkey").hasSize(1);
        byte[] credentialId = authenticator.getCredentials().get(0).getId();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("field-question1"))).selectByValue("first-pet");
        fill("field-answer1", "Biscuit");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("field-question2"))).selectByValue("birth-city");
        fill("field-answer2", "Bergen");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("field-question3"))).selectByValue("first-school");
        fill("field-answer3", "Fjord School");
        submit();
        assertThat(browser.findElement(By.cssSelector(".outcome h2")).getText()).isEqualTo(text("portal.status.COMPLETED"));

        toThePasskeyStep("pia");
        screenshot("pia", "use-passkey");
        submit();
        assertThat(progress()).as("the passkey passed the gate").isEqualTo("Step 3 of 3");
        setPassword(newPassword());
        assertThat(browser.findElement(By.cssSelector(".outcome h2")).getText()).isEqualTo(text("portal.status.COMPLETED"));

        // an assertion the browser made for one step, captured and posted again over the API for another journey
        toThePasskeyStep("pia");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> captured = (java.util.Map<String, Object>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var holder = document.querySelector('[data-webauthn-options]');
                var options = JSON.parse(holder.getAttribute('data-options'));
                function bytes(text) { return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0)); }
                function text(buffer) { return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, ''); }
                navigator.credentials.get({ publicKey: { challenge: bytes(options.challenge), rpId: options.rpId,
                    userVerification: options.userVerification,
                    allowCredentials: options.allowCredentials.map(c => ({ type: 'public-key', id: bytes(c.id) })) } })
                  .then(c => done({ credentialId: text(c.rawId), clientDataJSON: text(c.response.clientDataJSON),
                    authenticatorData: text(c.response.authenticatorData), signature: text(c.response.signature) }))
                  .catch(e => done({ error: String(e) }));
                """);
        assertThat(captured).doesNotContainKey("error");
        JourneyApi api = new JourneyApi(port);
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "pia"));
        assertThat(api.submit(flow, "chooseMethod", java.util.Map.of("method", "PASSKEY")).stepKey()).isEqualTo("usePasskey");
        JourneyApi.Response replayed = api.submit(flow, "usePasskey", captured);
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(replayed.body().path("errors").get(0).path("code").asText()).isEqualTo("PASSKEY_NOT_FOR_THIS_STEP");

        // a second browser profile: its authenticator holds another key under pia's credential id
        ChromeDriver other = Browsers.start(true, 1024, 900);
        ChromeDriver first = browser;
        try {
            browser = other;
            VirtualAuthenticator foreign = platformAuthenticator(other);
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            foreign.addCredential(Credential.createNonResidentCredential(credentialId, "localhost",
                    new java.security.spec.PKCS8EncodedKeySpec(generator.generateKeyPair().getPrivate().getEncoded()), 0));
            toThePasskeyStep("pia");
            submit();
            assertThat(browser.findElement(By.cssSelector("main form button.primary")).getText()).as("still the passkey step")
                    .isEqualTo(text("portal.passkey.use"));
            assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains(journeyText("error.PASSKEY_WRONG"));
            screenshot("pia", "other-key-refused");
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        } finally {
            browser = first;
            other.quit();
        }
    }

    @Test
    void securityQuestionsHideTheContactFieldAndPasswordsCanBeShown() {
        open("/reset");
        startWith("alice");
        WebElement contactGroup = browser.findElement(By.id("field-contact-group"));
        assertThat(contactGroup.isDisplayed()).isTrue();
        choose("QUESTIONS");
        assertThat(contactGroup.isDisplayed()).as("the contact is not needed for security questions").isFalse();
        choose("EMAIL");
        assertThat(contactGroup.isDisplayed()).isTrue();
    }

    @Test
    void thePasswordRulesAreTickedWhileTheUserTypes() {
        open("/reset");
        startWith("bob");
        choose("EMAIL");
        fill("field-contact", "bob.alt@example.org");
        submit();
        fill("field-code", lastCodeTo("bob.alt@example.org"));
        submit();
        WebElement length = browser.findElement(By.cssSelector("[data-rule=TOO_SHORT]"));
        assertThat(length.getAttribute("class")).doesNotContain("met");
        browser.findElement(By.id("field-password")).sendKeys("Abcdefgh1");
        assertThat(length.getAttribute("class")).contains("met");
        assertThat(browser.findElement(By.cssSelector("[data-rule=NOT_ENOUGH_CHARACTER_CLASSES]")).getAttribute("class")).contains("met");

        WebElement toggle = browser.findElement(By.cssSelector("#field-password-group .toggle-visibility"));
        assertThat(toggle.getText()).isEqualTo("Show");
        toggle.click();
        assertThat(browser.findElement(By.id("field-password")).getAttribute("type")).isEqualTo("text");
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        screenshot("bob", "password-rules-live");
    }

    @Test
    void theJourneyStartsWithTheKeyboardAloneAndFocusIsVisible() {
        open("/");
        WebElement focused = tab(1);
        assertThat(focused.getText()).isEqualTo(text("portal.skip"));
        focused = tabUntil(element -> element.getText().startsWith(text("portal.home.reset")));
        assertThat(browser.executeScript("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        WebElement home = browser.findElement(By.tagName("main"));
        focused.sendKeys(Keys.ENTER);
        waitUntilGone(browser, home);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text("portal.journey.reset"));
        WebElement username = browser.findElement(By.id("field-username"));
        tabUntil(username::equals);
        WebElement start = browser.findElement(By.tagName("main"));
        username.sendKeys("alice", Keys.ENTER);
        waitUntilGone(browser, start);
        assertThat(progress()).isEqualTo("Step 1 of 3");
        WebElement firstRadio = browser.findElement(By.id("field-method"));
        tabUntil(firstRadio::equals);
        firstRadio.sendKeys(Keys.SPACE);
        assertThat(firstRadio.isSelected()).isTrue();
    }

    @Test
    void textAndButtonsHaveEnoughContrast() {
        open("/reset");
        double text = (double) contrast("main", "color", "main", "background-color");
        double button = (double) contrast("main button.primary", "color", "main button.primary", "background-color");
        assertThat(text).as("body text on white").isGreaterThanOrEqualTo(4.5);
        assertThat(button).as("button text on the brand colour").isGreaterThanOrEqualTo(4.5);
    }

    private Object contrast(String foregroundSelector, String foregroundProperty, String backgroundSelector, String backgroundProperty) {
        return browser.executeScript("""
                function rgb(selector, property) {
                  return getComputedStyle(document.querySelector(selector))[property].match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
                }
                function luminance(c) {
                  const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                }
                const a = luminance(rgb(arguments[0], arguments[1])), b = luminance(rgb(arguments[2], arguments[3]));
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                """, foregroundSelector, foregroundProperty.equals("color") ? "color" : foregroundProperty,
                backgroundSelector, backgroundProperty.equals("background-color") ? "backgroundColor" : backgroundProperty);
    }

    /** Presses Tab until the focus reaches an element that satisfies the test (within 30 presses). */
    private WebElement tabUntil(java.util.function.Predicate<WebElement> reached) {
        for (int presses = 0; presses < 30; presses++) {
            WebElement focused = tab(1);
            if (reached.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("the keyboard never reached the element");
    }

    private WebElement tab(int times) {
        for (int i = 0; i < times; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        return browser.switchTo().activeElement();
    }
}
