package org.resetflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.resetflow.recoveryinfo.HashingQueue;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.HashingQueues;
import org.springframework.beans.factory.annotation.Autowired;

/** The condition is not inherited from {@link PortalBrowserTest}: JUnit reads it on the test class itself. */
@EnabledIf("org.resetflow.testing.Browsers#available")
class PortalWithoutJavaScriptTest extends PortalBrowserTest {

    @Override
    boolean javascript() {
        return false;
    }

    @Test
    void scriptsReallyAreOff() {
        open("/reset");
        startWith("alice");
        assertThat(browser.findElements(By.cssSelector(".toggle-visibility"))).isEmpty();
        assertThat(browser.findElement(By.id("field-contact-group")).isDisplayed()).as("nothing hides the contact field").isTrue();
    }

    /**
     * A passkey needs the browser's WebAuthn, which only a script can reach: without JavaScript the portal neither offers a
     * registered passkey at the gate nor offers to add one; the user with a passkey sees the app and the helpdesk choice.
     */
    @Test
    void withoutJavaScriptNoPasskeyIsOfferedAndNoneCanBeAdded() {
        org.resetflow.testing.SoftwareAuthenticator device = new org.resetflow.testing.SoftwareAuthenticator();
        device.origin = "http://localhost:" + port;
        registerPasskeyOverTheApi("tina", device);

        open("/reset");
        startWith("tina");
        WebElement passkey = browser.findElement(By.cssSelector("input[value=PASSKEY]"));
        assertThat(passkey.isDisplayed()).isFalse();
        assertThat(passkey.isEnabled()).isFalse();
        assertThat(browser.findElement(By.cssSelector("input[value=AUTHENTICATOR_APP]")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("input[value=STRONG_METHOD_LOST]")).isDisplayed()).isTrue();
        assertThat(mainText()).doesNotContain(journeyText("method.PASSKEY"))
                .contains(journeyText("method.STRONG_METHOD_LOST.ANY"));

        open("/register");
        startWith("tina");
        fill("field-password", "Demo-Passw0rd!");
        submit();
        submit();
        choose("keep");
        submit();
        assertThat(browser.findElement(By.cssSelector("input[value=keep]")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("input[value=add]")).isDisplayed()).as("adding needs a script").isFalse();
        screenshot("tina", "passkeys-without-javascript");
    }

    @Test
    void securityQuestionsWorkWithTheContactFieldLeftEmpty() {
        open("/reset");
        startWith("alice");
        choose("QUESTIONS");
        submit();
        assertThat(browser.findElements(By.cssSelector("input[name^=answer]"))).hasSize(3);
    }

    @Autowired
    HashingQueue queue;

    @Test
    void aFullHashingQueueShowsTryAgainOnTheFormAndTheSameAnswersGoThroughAfterwards() throws Exception {
        open("/reset");
        startWith("alice");
        choose("QUESTIONS");
        submit();
        CountDownLatch release = new CountDownLatch(1);
        // the refusal is logged for the operators; here it is expected
        try (ExpectedLog refusal = ExpectedLog.capture(HashingQueue.class.getName())) {
            HashingQueues.fill(queue, release);
            answerAlicesQuestions();
            submit();

            assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains(journeyText("error.TRY_AGAIN"));
            assertThat(progress()).as("the same step").isEqualTo("Step 2 of 3");
            assertThat(browser.findElements(By.cssSelector("input[name^=answer]"))).hasSize(3)
                    .allSatisfy(input -> assertThat(input.getAttribute("value")).as("answers are never sent back").isEmpty());
            screenshot("busy", "try-again");
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.waiting() == 0);

        answerAlicesQuestions();
        submit();

        assertThat(progress()).isEqualTo("Step 3 of 3");
        assertThat(browser.findElements(By.id("field-password"))).hasSize(1);
    }

    /** alice's answers, as the README gives them, under the question each field's label asks. */
    private void answerAlicesQuestions() {
        Map<String, String> answers = Map.of("What was the name of your first pet?", "Rex",
                "In which city were you born?", "Springfield", "What was the name of your first school?", "Lincoln Elementary");
        for (WebElement input : browser.findElements(By.cssSelector("input[name^=answer]"))) {
            String question = browser.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).getText();
            assertThat(answers).containsKey(question);
            fill(input.getAttribute("id"), answers.get(question));
        }
    }
}
