package org.resetflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;

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

    @Test
    void securityQuestionsWorkWithTheContactFieldLeftEmpty() {
        open("/reset");
        startWith("alice");
        choose("QUESTIONS");
        submit();
        assertThat(browser.findElements(By.cssSelector("input[name^=answer]"))).hasSize(3);
    }
}
