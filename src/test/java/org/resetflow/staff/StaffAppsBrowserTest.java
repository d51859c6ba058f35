package org.resetflow.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.resetflow.testing.Browsers;

/**
 * Each staff group signs in to Tasklist, Cockpit and Admin through the webapps' own login page, in a real headless
 * Chromium, and is let in or refused as {@code docs/helpdesk.md} says: the helpdesk and the follow-up group Tasklist
 * only, process owners Cockpit only, administrators all three (adam, in no other staff group, and the demo's demo),
 * a user who is no staff none. Screenshots under {@code target/screenshots/staff/}.
 */
@EnabledIf("org.resetflow.testing.Browsers#available")
class StaffAppsBrowserTest extends StaffApplication {

    private static final List<String> APPS = List.of("tasklist", "cockpit", "admin");
    private static final By USERNAME = By.cssSelector("input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("input[ng-model='password']");
    private static ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        addAdministratorOnly();
        if (browser == null) {
            browser = Browsers.start(true, 1280, 900);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    static Stream<Arguments> staff() {
        return Stream.of(
                arguments("helpdesk", "helen", DEMO_PASSWORD, "Helen Hoffmann", Set.of("tasklist")),
                arguments("follow-up group", "leo", DEMO_PASSWORD, "Leo Lindqvist", Set.of("tasklist")),
                arguments("process owners", "olivia", DEMO_PASSWORD, "Olivia Okafor", Set.of("cockpit")),
                arguments("administrators", ADMINISTRATOR_ONLY, DEMO_PASSWORD, "Adam Admin", Set.of("tasklist", "cockpit", "admin")),
                arguments("the demo's administrator", "demo", "demo", "Demo Staff", Set.of("tasklist", "cockpit", "admin")),
                arguments("no staff group", "alice", DEMO_PASSWORD, "Alice Anders", Set.of()));
    }

    @ParameterizedTest(name = "{0} ({1}): {4}")
    @MethodSource("staff")
    void eachStaffGroupGetsItsAppsAtTheWebappsLogin(String group, String user, String password, String name, Set<String> apps)
            throws IOException {
        String refusal = apps.isEmpty() ? "This account is not a member of a ResetFlow staff group."
                : "Wrong credentials, locked user or missing access rights to application";
        for (String app : APPS) {
            boolean letIn = signIn(app, user, password);
            screenshot("apps-" + user + "-" + app);
            assertThat(letIn).as("%s (%s) at the login of %s", user, group, app).isEqualTo(apps.contains(app));
            if (letIn) {
                wait(browser).until(page -> page.getPageSource().contains(name));
            }
            if (letIn && app.equals("admin")) {
                // what an administrator does in Admin: read the staff (from the directory) and the authorizations
                browser.get(base() + "/camunda/app/admin/default/#/users");
                wait(browser).until(page -> page.getPageSource().contains("Hoffmann"));
                browser.get(base() + "/camunda/app/admin/default/#/authorization?resource=0");
                wait(browser).until(page -> page.getPageSource().contains("resetflow-admins"));
                screenshot("apps-" + user + "-admin-authorizations");
            } else if (!letIn) {
                assertThat(browser.findElement(By.cssSelector(".notifications")).getText()).contains("Login Failed").contains(refusal);
            }
        }
    }

    /** Whether the login page let the user in (its form went away) or refused them (it says so and stays). */
    private boolean signIn(String app, String user, String password) {
        // signed out: no session, and no page of a webapp left running that could start one while the cookies go
        browser.get(base() + "/actuator/health");
        browser.manage().deleteAllCookies();
        browser.get(base() + "/camunda/app/" + app + "/default/");
        WebDriverWait wait = wait(browser);
        wait.until(page -> page.getCurrentUrl().contains("#/login") && !page.findElements(USERNAME).isEmpty()
                && page.findElement(USERNAME).isDisplayed());
        type(USERNAME, user);
        type(PASSWORD, password);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(page -> page.findElements(USERNAME).isEmpty() || !page.findElements(By.cssSelector(".notifications .alert")).isEmpty());
        return browser.findElements(USERNAME).isEmpty();
    }

    /** Types into a field of the login form until it holds the text (Angular may still be binding the form). */
    private void type(By field, String text) {
        wait(browser).until(page -> {
            var input = page.findElement(field);
            if (!text.equals(input.getDomProperty("value"))) {
                input.clear();
                input.sendKeys(text);
            }
            return text.equals(input.getDomProperty("value"));
        });
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static void screenshot(String name) throws IOException {
        Path folder = Path.of("target", "screenshots", "staff");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
