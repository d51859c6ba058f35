package org.resetflow.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.resetflow.testing.Browsers;

/**
 * The plugin in Cockpit in a real headless Chromium: sign in as olivia, a process owner, find the dashboard widget, open
 * the audit page, and read the same figures the journeys of {@link AuditJourneys} produced. Screenshots go to
 * {@code target/screenshots/audit/}.
 */
@EnabledIf("org.resetflow.testing.Browsers#available")
class AuditPluginBrowserTest extends AuditTestApplication {

    static final Path SCREENSHOTS = Path.of("target", "screenshots", "audit");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.start(true, 1400, 1150);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aProcessOwnerSeesTheJourneysOnTheDashboardAndTheAuditPage() {
        browser.get(base() + "/camunda/app/cockpit/default/");
        signIn("olivia", "Demo-Passw0rd!"); // a process owner from the demo directory, not an administrator

        WebElement widget = shown(By.cssSelector("[data-rfa=dashboard] .rfa-figures"));
        assertThat(figure(widget, "journeys")).isEqualTo("8");
        assertThat(figure(widget, "success-rate")).isEqualTo("57.1 %");
        assertThat(figure(widget, "lockouts")).isEqualTo("1");
        assertThat(figure(widget, "escalations-waiting")).isEqualTo("1");
        assertThat(figure(widget, "writeback-failures")).isEqualTo("1");
        screenshot(browser, "cockpit-dashboard");

        browser.findElement(By.cssSelector("a[href='#/resetflow-audit']")).click();
        WebElement page = shown(By.cssSelector("[data-rfa=page] [data-rfa=summary] .rfa-figures"));
        assertThat(figure(page, "journeys")).isEqualTo("8");
        assertThat(figure(page, "median-time")).matches("\\d+ s|\\d+ min \\d+ s");
        assertThat(outcome("COMPLETED")).isEqualTo("4");
        assertThat(outcome("ESCALATED")).isEqualTo("1");
        assertThat(outcome("REFUSED")).isEqualTo("1");
        assertThat(outcome("LOCKED_OUT")).isEqualTo("1");
        assertThat(outcome("EXPIRED")).isEqualTo("0");
        assertThat(outcome("ACTIVE")).isEqualTo("1");
        assertThat(text(By.cssSelector("[data-rfa=methods] tr[data-method=EMAIL] [data-count=tried]"))).isEqualTo("6");
        assertThat(text(By.cssSelector("[data-rfa=methods] tr[data-method=EMAIL] [data-count=verified]"))).isEqualTo("4");
        assertThat(text(By.cssSelector("[data-rfa=methods] tr[data-method=SMS] [data-count=tried]"))).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("[data-rfa=chart] .rfa-column"))).hasSize(30);
        assertThat(browser.findElements(By.cssSelector("[data-rfa=days] td[data-outcome=ALL]")).stream()
                .mapToInt(cell -> Integer.parseInt(cell.getDomProperty("textContent"))).sum()).isEqualTo(8);
        assertThat(text(By.cssSelector("[data-rfa=escalations] tbody"))).contains("carol");
        assertThat(text(By.cssSelector("[data-rfa=writeback-failures] tbody"))).contains("writeBackPassword", "resolved");

        List<WebElement> rows = shownAll(By.cssSelector("[data-rfa=journey-table] tbody tr"));
        assertThat(rows).hasSize(8);
        assertThat(text(By.cssSelector("[data-rfa=journey-table]"))).contains(AuditJourneys.HOSTILE_USERNAME);
        assertThat(browser.findElements(By.cssSelector("[data-rfa=journey-table] img"))).as("a username is text, never markup").isEmpty();
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(text(By.cssSelector("[data-rfa=range]"))).isEqualTo("1–8 of 8");
        browser.manage().window().setSize(new Dimension(1400, 2000));
        browser.executeScript("document.activeElement.blur()");
        screenshot(browser, "cockpit-audit");

        WebElement search = browser.findElement(By.cssSelector(".rfa-filters input[name=search]"));
        search.sendKeys("alice");
        browser.findElement(By.cssSelector(".rfa-filters button[type=submit]")).click();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("[data-rfa=journey-table] tbody tr")).size() == 1);
        WebElement alice = browser.findElement(By.cssSelector("[data-rfa=journey-table] tbody tr"));
        assertThat(alice.getAttribute("data-flow-id")).isEqualTo(journeys.aliceFlowId());
        assertThat(alice.findElement(By.cssSelector("[data-outcome]")).getText()).isEqualTo("Completed");
        assertThat(alice.findElement(By.cssSelector("td:last-child")).getText()).as("an ended journey has no Cockpit page").isEqualTo("ended");
        assertThat(browser.findElement(By.cssSelector("[data-rfa=export]")).getAttribute("href")).contains("journeys.csv?days=30&search=alice");

        WebElement carol = browser.findElement(By.cssSelector("[data-rfa=escalations] a"));
        assertThat(carol.getAttribute("href")).endsWith("#/process-instance/" + journeys.carolInstance());
        carol.click();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.tagName("body")).getText().contains(journeys.carolInstance()));
        assertThat(browser.getCurrentUrl()).contains("#/process-instance/" + journeys.carolInstance());
    }

    private void signIn(String user, String password) {
        shown(By.cssSelector("input[ng-model=username]")).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private WebElement shown(By selector) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(selector), WebElement::isDisplayed);
    }

    private List<WebElement> shownAll(By selector) {
        Supplier<List<WebElement>> found = () -> browser.findElements(selector);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> !found.get().isEmpty());
        return found.get();
    }

    private String text(By selector) {
        return browser.findElement(selector).getDomProperty("textContent").trim();
    }

    private String outcome(String outcome) {
        return text(By.cssSelector("[data-rfa=outcomes] tr[data-outcome=" + outcome + "] [data-count=journeys]"));
    }

    private static String figure(WebElement figures, String name) {
        return figures.findElement(By.cssSelector("[data-figure=" + name + "] .rfa-figure-value")).getDomProperty("textContent").trim();
    }

    private static void screenshot(TakesScreenshot subject, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), subject.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WebDriverException e) {
            throw new IllegalStateException("no screenshot of " + name, e);
        }
    }
}
