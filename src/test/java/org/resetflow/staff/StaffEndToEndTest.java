package org.resetflow.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.StaffClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff sign in with their directory accounts and do what their directory groups allow: helen (helpdesk) works
 * carol's escalation and hands over the temporary password, olivia (process owner) reads Cockpit and the history,
 * leo (helpdesk lead) gets the escalations nobody took, alice (a user) gets in nowhere.
 */
class StaffEndToEndTest extends StaffApplication {

    /** The operators' line when a member of staff asks for a temporary password that is not theirs, as a test here does. */
    @RegisterExtension
    final ExpectedLog log = ExpectedLog.of("org.resetflow.escalation.EscalationHandovers");

    static final Pattern TEMPORARY_PASSWORD = Pattern.compile("<code id=\"temporary-password\"[^>]*>([^<]+)</code>");

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    JourneyApi api;
    StaffClient helen;
    StaffClient dave;
    StaffClient olivia;
    StaffClient leo;
    StaffClient alice;

    @BeforeEach
    void clients() {
        api = new JourneyApi(port);
        helen = new StaffClient(port, "helen", DEMO_PASSWORD);
        dave = new StaffClient(port, "dave", DEMO_PASSWORD);
        olivia = new StaffClient(port, "olivia", DEMO_PASSWORD);
        leo = new StaffClient(port, "leo", DEMO_PASSWORD);
        alice = new StaffClient(port, "alice", DEMO_PASSWORD);
    }

    @Test
    void anonymousRequestsAreRefusedOnEveryStaffSurface() {
        assertThat(api.getPath("/engine-rest/task", null).status()).isEqualTo(401);
        assertThat(api.getPath("/engine-rest/task", null).raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(api.getPath("/camunda/api/engine/engine/default/task", null).status()).isIn(401, 403);
        assertThat(api.getPath("/staff/escalations/x", null).status()).isEqualTo(401);
        assertThat(new StaffClient(port, "helen", "not-her-password").get("/engine-rest/task").status()).isEqualTo(401);
    }

    @Test
    void wrongStaffPasswordsAreThrottledOnBasicAndOnTheWebappsLoginBeforeAnyPasswordIsChecked() {
        StaffClient guesser = new StaffClient(port, "mallory", "guess");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(guesser.get("/engine-rest/task").status()).as("attempt %d", attempt).isEqualTo(401);
        }
        StaffClient.Reply throttled = guesser.get("/engine-rest/task");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many wrong passwords");
        assertThat(guesser.webappLogin("tasklist").status()).as("the same account at the webapps' login").isEqualTo(429);
        assertThat(guesser.postJson("/staff/api/escalations/x/temporary-password", "{}").status()).isEqualTo(429);

        StaffClient webappGuesser = new StaffClient(port, "trudy", "guess");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(webappGuesser.webappLogin("cockpit").status()).as("attempt %d", attempt).isIn(401, 403);
        }
        assertThat(webappGuesser.webappLogin("cockpit").status()).isEqualTo(429);
        assertThat(webappGuesser.get("/engine-rest/task").status()).as("the same account on HTTP Basic").isEqualTo(429);
        assertThat(helen.get("/engine-rest/task").status()).as("someone else").isEqualTo(200);
    }

    @Test
    void aCrossSiteRequestCannotUseTheBrowsersStaffCredentialsToChangeAnything() {
        StaffClient.Reply unnamed = helen.postJsonFromAnotherSite("/engine-rest/task/no-such-task/claim", "{\"userId\": \"helen\"}");
        assertThat(unnamed.status()).isEqualTo(403);
        assertThat(unnamed.json().path("message").asText()).contains("X-Requested-By");
        assertThat(helen.postJsonFromAnotherSite("/staff/api/escalations/x/temporary-password", "{}").status()).isEqualTo(403);
        assertThat(helen.postJson("/engine-rest/process-instance", "{}").status())
                .as("a script that names itself reaches the engine").isEqualTo(200);
    }

    @Test
    void aDirectoryUserOutsideTheStaffGroupsGetsInNowhere() {
        assertThat(alice.get("/engine-rest/task").status()).isEqualTo(403);
        assertThat(alice.get("/staff/escalations/x").status()).isEqualTo(403);
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            assertThat(alice.webappLogin(app).status()).as(app).isEqualTo(403);
        }
        assertThat(alice.webapp("/camunda/api/engine/engine/default/task").status()).isIn(401, 403);
    }

    @Test
    void theHelpdeskSignsInWithDirectoryCredentialsWorksCarolsEscalationAndHandsOverTheTemporaryPassword() throws Exception {
        assertThat(helen.webappLogin("tasklist").status()).isEqualTo(200);
        assertThat(helen.webappLogin("cockpit").status()).as("the helpdesk has no Cockpit").isIn(401, 403);

        String flowId = api.start("resets", "carol").body().path("flowId").asText();
        JsonNode found = helen.get("/engine-rest/task?processInstanceBusinessKey=" + flowId).json();
        assertThat(found).hasSize(1);
        JsonNode task = found.get(0);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("reviewEscalation");
        String taskId = task.path("id").asText();
        String journey = task.path("processInstanceId").asText();

        JsonNode facts = helen.get("/engine-rest/task/" + taskId + "/form-variables").json();
        assertThat(facts.path("username").path("value").asText()).isEqualTo("carol");
        assertThat(facts.path("eligibilityReason").path("value").asText()).isEqualTo("NOT_REGISTERED");
        assertThat(facts.path("methodsTried").path("value").asText()).isEqualTo("none");
        assertThat(facts.path("recentJourneys").path("value").asLong()).isPositive();
        assertThat(facts.path("clientAddress").path("value").asText()).isNotBlank();
        assertThat(facts.path("handoverPath").path("value").asText()).isEqualTo("/staff/escalations/" + journey);
        assertThat(helen.get("/engine-rest/task/" + taskId + "/deployed-form").json().path("id").asText()).isEqualTo("escalation");

        String aliceFlow = api.start("resets", "alice").body().path("flowId").asText();
        assertThat(helen.get("/engine-rest/task?processInstanceBusinessKey=" + aliceFlow).json()).as("users' own steps are not the helpdesk's").isEmpty();

        assertThat(helen.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{\"decision\":{\"value\":\"MAYBE\"}}}").status())
                .as("a decision that is not one").isEqualTo(400);
        // telling carol that the helpdesk has her request runs in the background and may meet the approval: then try again
        await().atMost(Duration.ofSeconds(30)).until(() ->
                helen.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}").status() == 204);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(journey).variableName("decidedBy").singleResult().getValue())
                .isEqualTo("helen");

        await().atMost(Duration.ofSeconds(20)).until(() -> helen.get("/staff/escalations/" + journey).body().contains("show-temporary-password"));
        assertThat(dave.get("/staff/escalations/" + journey).body()).as("another administrator").contains("Only the administrator who approved");
        assertThat(dave.submitForm("/staff/escalations/" + journey).body()).doesNotContain("temporary-password\">");
        assertThat(new StaffClient(port, "dave", DEMO_PASSWORD).postJson("/staff/api/escalations/" + journey + "/temporary-password", "{}").status())
                .isEqualTo(403);
        assertThat(log.lines(Level.WARN)).isNotEmpty().allSatisfy(line -> {
            assertThat(line.message()).isEqualTo("dave asked for the temporary password of journey " + flowId + ", approved by helen: refused");
            assertThat(line.hasStackTrace()).isFalse();
        });

        StaffClient.Reply shown = helen.submitForm("/staff/escalations/" + journey);
        assertThat(shown.status()).isEqualTo(200);
        Matcher password = TEMPORARY_PASSWORD.matcher(shown.body());
        assertThat(password.find()).as("the temporary password is shown").isTrue();
        String temporary = password.group(1);
        assertThat(helen.postJson("/staff/api/escalations/" + journey + "/temporary-password", "{}").status()).as("once only").isEqualTo(404);
        assertThat(helen.get("/staff/escalations/" + journey).body()).doesNotContain(temporary).doesNotContain("show-temporary-password");

        try (LDAPConnection cloud = new LDAPConnection("127.0.0.1", CLOUD_PORT)) {
            cloud.bind("uid=carol,ou=people,dc=cloud,dc=example,dc=org", temporary);
            assertThat(cloud.getEntry("uid=carol,ou=people,dc=cloud,dc=example,dc=org", "pwdReset").getAttributeValue("pwdReset"))
                    .as("must change it at the next sign-in").isEqualToIgnoringCase("TRUE");
        }
        assertThat(bindsToCloud("carol", DEMO_PASSWORD)).isFalse();
    }

    @Test
    void theEngineSeesDirectoryUsersAndGroupsAsTheAdminWebappAsksForThem() {
        StaffClient demo = new StaffClient(port, "demo", "demo");
        JsonNode page = demo.get("/engine-rest/user?sortBy=userId&sortOrder=desc&firstResult=1&maxResults=3").json();
        List<String> ids = new ArrayList<>();
        page.forEach(user -> ids.add(user.path("id").asText()));
        List<String> all = new ArrayList<>();
        demo.get("/engine-rest/user?sortBy=userId&sortOrder=desc").json().forEach(user -> all.add(user.path("id").asText()));
        assertThat(all).contains("alice", "demo", "helen", "olivia").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ids).containsExactlyElementsOf(all.subList(1, 4));
        assertThat(demo.get("/engine-rest/user/count").json().path("count").asInt()).isEqualTo(all.size());
        assertThat(demo.get("/engine-rest/user?firstNameLike=%25LIV%25").json()).singleElement()
                .satisfies(user -> assertThat(user.path("lastName").asText()).isEqualTo("Okafor"));
        List<String> owners = new ArrayList<>();
        demo.get("/engine-rest/user?memberOfGroup=process-owners").json().forEach(user -> owners.add(user.path("id").asText()));
        assertThat(owners).containsExactlyInAnyOrder("demo", "olivia");
        List<String> helensGroups = new ArrayList<>();
        demo.get("/engine-rest/group?member=helen").json().forEach(group -> helensGroups.add(group.path("id").asText()));
        assertThat(helensGroups).containsExactly("helpdesk-admins");
        assertThat(demo.get("/engine-rest/user/helen/profile").json().path("email").asText()).isEqualTo("helen@example.org");
        assertThat(demo.get("/engine-rest/user/nobody/profile").status()).isEqualTo(404);
        assertThat(demo.postJson("/engine-rest/user/create", "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"x\"}}").status())
                .as("the directory is read-only").isEqualTo(403);
    }

    @Test
    void aProcessOwnerReadsCockpitAndTheHistoryButWorksNoTask() {
        String flowId = api.start("resets", "carol").body().path("flowId").asText();
        assertThat(olivia.webappLogin("cockpit").status()).isEqualTo(200);
        assertThat(olivia.webappLogin("tasklist").status()).isIn(401, 403);
        assertThat(olivia.get("/engine-rest/history/process-instance?processDefinitionKey=passwordReset&processInstanceBusinessKey=" + flowId).json())
                .hasSize(1);
        String taskId = olivia.get("/engine-rest/task?processInstanceBusinessKey=" + flowId).json().get(0).path("id").asText();
        assertThat(olivia.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}").status())
                .isEqualTo(403);
        assertThat(olivia.get("/staff/escalations/x").status()).isEqualTo(403);
        assertThat(helen.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + flowId).json()).as("the helpdesk reads no history").isEmpty();
    }

    @Test
    void anEscalationNobodyTakesMovesToTheFollowUpGroup() {
        String flowId = api.start("unlocks", "carol").body().path("flowId").asText();
        JsonNode task = helen.get("/engine-rest/task?processInstanceBusinessKey=" + flowId).json().get(0);
        String journey = task.path("processInstanceId").asText();
        Job timer = management.createJobQuery().processInstanceId(journey).timers().list().stream()
                .filter(job -> "escalationNotTaken".equals(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId()))
                .findFirst().orElseThrow();
        management.executeJob(timer.getId());

        List<String> groups = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.path("id").asText())) {
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        assertThat(groups).containsExactly("helpdesk-leads");
        assertThat(leo.webappLogin("tasklist").status()).isEqualTo(200);
        assertThat(leo.get("/engine-rest/task?candidateGroup=helpdesk-leads&processInstanceBusinessKey=" + flowId).json()).hasSize(1);
        assertThat(leo.get("/engine-rest/task/" + task.path("id").asText() + "/form-variables").json().path("followedUpAt").path("value").asText())
                .isNotBlank();
    }

    /**
     * The helpdesk's own view, in a real browser: helen signs in to Tasklist with her directory password, opens
     * carol's escalation, sees the facts, approves, follows the form's link to the handover page (no second sign-in)
     * and is shown the temporary password once.
     */
    @Test
    void inTasklistTheHelpdeskApprovesAndCollectsTheTemporaryPassword() throws Exception {
        org.resetflow.testing.Browsers.assumeAvailable();
        String flowId = api.start("resets", "carol").body().path("flowId").asText();
        JsonNode task = helen.get("/engine-rest/task?processInstanceBusinessKey=" + flowId).json().get(0);
        String journey = task.path("processInstanceId").asText();
        String base = "http://127.0.0.1:" + port;
        org.openqa.selenium.chrome.ChromeDriver browser = org.resetflow.testing.Browsers.start(true, 1280, 1000);
        try {
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(base + "/camunda/app/tasklist/default/");
            wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("input[ng-model='username']")).isEmpty());
            browser.findElement(org.openqa.selenium.By.cssSelector("input[ng-model='username']")).sendKeys("helen");
            browser.findElement(org.openqa.selenium.By.cssSelector("input[ng-model='password']")).sendKeys(DEMO_PASSWORD);
            browser.findElement(org.openqa.selenium.By.cssSelector("form button[type='submit']")).click();
            wait.until(d -> d.getPageSource().contains("Escalations"));

            browser.get(base + "/camunda/app/tasklist/default/#/?task=" + task.path("id").asText());
            wait.until(d -> d.getPageSource().contains("Self-service could not help this user"));
            wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("a[href='/staff/escalations/" + journey + "']")).isEmpty());
            screenshot(browser, "tasklist-escalation");
            assertThat(browser.getPageSource()).contains("Verification methods tried in this journey");
            assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("input")).stream().map(input -> input.getDomProperty("value")))
                    .contains("carol", "none");

            browser.findElement(org.openqa.selenium.By.xpath("//*[normalize-space(text())='Claim']")).click();
            wait.until(d -> !d.findElements(org.openqa.selenium.By.xpath("//label[contains(., 'Identity confirmed')]")).isEmpty()
                    && d.findElements(org.openqa.selenium.By.xpath("//*[normalize-space(text())='Claim']")).isEmpty());
            clickInView(browser, browser.findElement(org.openqa.selenium.By.xpath("//label[contains(., 'Identity confirmed')]")));
            screenshot(browser, "tasklist-escalation-decision");
            clickInView(browser, browser.findElement(org.openqa.selenium.By.cssSelector("button[ng-click='complete()']")));
            await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricVariableInstanceQuery().processInstanceId(journey)
                    .variableName("decidedBy").singleResult() != null);

            browser.get(base + "/staff/escalations/" + journey);
            wait.until(d -> {
                d.navigate().refresh();
                return !d.findElements(org.openqa.selenium.By.id("show-temporary-password")).isEmpty();
            });
            browser.findElement(org.openqa.selenium.By.id("show-temporary-password")).click();
            wait.until(d -> !d.findElements(org.openqa.selenium.By.id("temporary-password")).isEmpty());
            String temporary = browser.findElement(org.openqa.selenium.By.id("temporary-password")).getText();
            screenshot(browser, "staff-handover");
            assertThat(bindsToCloud("carol", temporary)).isTrue();
        } finally {
            browser.quit();
        }
    }

    private static void clickInView(org.openqa.selenium.chrome.ChromeDriver browser, org.openqa.selenium.WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private static void screenshot(org.openqa.selenium.chrome.ChromeDriver browser, String name) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of("target", "screenshots", "staff");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private static boolean bindsToCloud(String user, String password) throws LDAPException {
        try (LDAPConnection cloud = new LDAPConnection("127.0.0.1", CLOUD_PORT)) {
            cloud.bind("uid=" + user + ",ou=people,dc=cloud,dc=example,dc=org", password);
            return true;
        } catch (LDAPException e) {
            return false;
        }
    }
}
