package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.StaffClient;

/**
 * alice resets her password, then says it was not her: the notice's link, opened in the portal, only asks; confirmed
 * with the portal's CSRF token, it blocks her self-service and gives the helpdesk a task with the journey's facts;
 * the link works once; the helpdesk's confirmation lifts the block. Then the same through the public API, from the
 * notice of an unlock.
 */
@Order(DemoJourneys.NOT_ME)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoNotMeEndToEndTest extends DemoJourneys {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+)/not-me/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern MAIN = Pattern.compile("<main[^>]*>(.*)</main>", Pattern.DOTALL);
    private static final String ALICE_MOBILE = "+12025550101";

    /** The link of the notice of alice's reset, and the flow it reports. */
    static String token;
    static String reportedFlow;
    /** A reset of alice's that is under way when she confirms. */
    static JourneyApi.Flow underWay;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private StaffClient helen() {
        return new StaffClient(port, "helen", DEMO_PASSWORD);
    }

    private HttpResponse<String> browse(HttpRequest.Builder request) {
        try {
            return browser.send(request.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> open(String path) {
        return browse(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    private HttpResponse<String> submit(String path, String csrf) {
        String form = csrf == null ? "" : "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return browse(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String csrfOf(String page) {
        Matcher field = CSRF_FIELD.matcher(page);
        assertThat(field.find()).as("the page's form carries a CSRF token").isTrue();
        return field.group(1) != null ? field.group(1) : field.group(2);
    }

    private static String main(String page) {
        Matcher main = MAIN.matcher(page);
        assertThat(main.find()).isTrue();
        return main.group(1);
    }

    /** The link in the newest message to this recipient, which must be a notice of recovery. */
    private String linkIn(String recipient) {
        JsonNode message = api.lastMessageTo(recipient);
        assertThat(message).as("a message to " + recipient).isNotNull();
        Matcher link = LINK.matcher(message.path("body").asText());
        assertThat(link.find()).as("a \"not me\" link in the message to %s: %s", recipient, message.path("body").asText()).isTrue();
        assertThat(link.group(1)).as("the portal's base URL").isEqualTo("http://localhost:8080");
        SECRETS.add(link.group(2));
        return link.group(2);
    }

    private String startedReset(String user) {
        return api.start("resets", user).field("status");
    }

    private JsonNode reportTask(String flowId) {
        JsonNode found = helen().get("/engine-rest/task?processDefinitionKey=notMeReport&candidateGroup=helpdesk-admins"
                + "&processInstanceBusinessKey=" + flowId).json();
        assertThat(found).as("the helpdesk's task for the report of " + flowId).hasSize(1);
        return found.get(0);
    }

    @Test
    @Order(1)
    void theNoticeOfAliceResetCarriesTheSameLinkOnEveryAddress() {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        choose(flow, "EMAIL", "alice.alt@example.org");
        api.submit(flow, "enterCode", Map.of("code", codeSentTo("alice.alt@example.org")));
        setPassword(flow, "alice");
        reportedFlow = flow.id();

        await().atMost(Duration.ofSeconds(10)).until(() -> api.lastMessageTo("alice@example.org").path("subject").asText().contains("password was changed"));
        token = linkIn("alice@example.org");
        assertThat(linkIn("alice.alt@example.org")).isEqualTo(token);
        assertThat(linkIn(ALICE_MOBILE)).as("the text message").isEqualTo(token);
    }

    @Test
    @Order(2)
    void openingTheLinkOnlyAsksAndAFormWithoutItsTokenIsRefused() {
        for (int look = 0; look < 2; look++) {
            HttpResponse<String> page = open("/not-me/" + token);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Was this not you?", "It was not me: block self-service and tell my helpdesk");
            assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
        assertThat(submit("/not-me/" + token, null).statusCode()).as("no CSRF token").isEqualTo(403);

        JourneyApi.Response stillOpen = api.start("resets", "alice");
        assertThat(stillOpen.stepKey()).as("looking blocked nothing").isEqualTo("chooseMethod");
        underWay = api.flow("resets", stillOpen);
    }

    @Test
    @Order(3)
    void confirmingBlocksAliceSelfServiceAndGivesTheHelpdeskTheJourneysFacts() {
        HttpResponse<String> confirmed = submit("/not-me/" + token, csrfOf(open("/not-me/" + token).body()));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/not-me/reported"));
        assertThat(open("/not-me/reported").body()).contains("Your helpdesk has been told");

        JourneyApi.Response reset = api.start("resets", "alice");
        assertThat(reset.field("status")).isEqualTo("LOCKED_OUT");
        assertThat(reset.body().path("messages").get(0).path("code").asText()).isEqualTo("lockedOut.helpdesk");
        assertThat(api.start("unlocks", "alice").field("status")).isEqualTo("LOCKED_OUT");
        assertThat(startedReset("bob")).as("only alice is blocked").isEqualTo("ACTIVE");

        choose(underWay, "EMAIL", "alice.alt@example.org");
        assertThat(api.submit(underWay, "enterCode", Map.of("code", codeSentTo("alice.alt@example.org"))).stepKey()).isEqualTo("setPassword");
        String password = newPassword("alice");
        JourneyApi.Response late = api.submit(underWay, "setPassword", Map.of("password", password, "passwordConfirmation", password));
        assertThat(late.field("status")).as("a reset under way is stopped before the password is written").isEqualTo("LOCKED_OUT");
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "alice", password)).isFalse();

        JsonNode task = reportTask(reportedFlow);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("secureAccount");
        String taskId = task.path("id").asText();
        JsonNode facts = helen().get("/engine-rest/task/" + taskId + "/form-variables").json();
        assertThat(facts.path("username").path("value").asText()).isEqualTo("alice");
        assertThat(facts.path("journey").path("value").asText()).isEqualTo("reset");
        assertThat(facts.path("reportedNotice").path("value").asText()).isEqualTo("PASSWORD_RESET");
        assertThat(facts.path("verifiedMethods").path("value").asText()).isEqualTo("EMAIL");
        assertThat(facts.path("clientAddress").path("value").asText()).isEqualTo("127.0.0.1");
        assertThat(facts.path("reportedFrom").path("value").asText()).isEqualTo("127.0.0.1");
        assertThat(facts.path("node").path("value").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(facts.path("requestedAt").path("value").asText()).isNotEqualTo("unknown");
        assertThat(facts.path("noticeSentAt").path("value").asText()).isNotBlank();
        assertThat(helen().get("/engine-rest/task/" + taskId + "/deployed-form").json().path("id").asText()).isEqualTo("notMeReport");
    }

    @Test
    @Order(4)
    void theLinkWorksOnceAndEveryLinkThatCannotBeUsedGetsTheSameNeutralAnswer() {
        HttpResponse<String> used = open("/not-me/" + token);
        assertThat(used.statusCode()).isEqualTo(404);
        assertThat(used.body()).contains("This link cannot be used").doesNotContain("_csrf");
        String neutral = main(used.body());
        // a good CSRF token, from another of the portal's forms: only the link decides
        String csrf = csrfOf(open("/reset").body());
        assertThat(submit("/not-me/" + token, csrf).statusCode()).as("confirming again").isEqualTo(404);

        for (String other : new String[] {"A".repeat(43), "abc", token.substring(1) + "-", token + "A", "x".repeat(300)}) {
            HttpResponse<String> page = open("/not-me/" + other);
            assertThat(page.statusCode()).as(other).isEqualTo(404);
            assertThat(main(page.body())).as(other).isEqualTo(neutral);
            assertThat(submit("/not-me/" + other, csrf).statusCode()).as(other).isEqualTo(404);
        }

        JourneyApi.Response again = api.post("/api/v1/not-me-reports", null, Map.of("token", token));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.field("type")).isEqualTo("https://resetflow.org/problems/not-me-link-not-found");
        assertThat(api.post("/api/v1/not-me-reports", null, Map.of("token", "A".repeat(43))).body()).isEqualTo(again.body());
        assertThat(api.post("/api/v1/not-me-reports", null, Map.of("token", 42)).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/not-me-reports", null, Map.of("token", token, "username", "alice")).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/not-me-reports", null, Map.of()).status()).isEqualTo(404);
        assertThat(api.start("resets", "alice").field("status")).as("still blocked").isEqualTo("LOCKED_OUT");
    }

    @Test
    @Order(5)
    void theHelpdeskSecuringTheAccountLiftsTheBlock() {
        String taskId = reportTask(reportedFlow).path("id").asText();
        // should the engine log the refused completion, that is expected here
        try (ExpectedLog refused = ExpectedLog.capture("org.camunda.bpm.engine.context")) {
            assertThat(helen().postJson("/engine-rest/task/" + taskId + "/complete",
                    "{\"variables\":{\"resolution\":{\"value\":\"Looked at it\"}}}").status()).as("not confirmed").isEqualTo(400);
        }
        assertThat(api.start("resets", "alice").field("status")).isEqualTo("LOCKED_OUT");

        assertThat(helen().postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{\"accountSecured\":{\"value\":true},"
                + "\"resolution\":{\"value\":\"Called alice back on her desk phone; new temporary password; sessions ended\"}}}").status())
                .isEqualTo(204);

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(task(taskId)).variableName("securedBy").singleResult().getValue())
                .isEqualTo("helen");
        assertThat(api.start("resets", "alice").stepKey()).as("self-service again").isEqualTo("chooseMethod");
    }

    private String task(String taskId) {
        return history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getProcessInstanceId();
    }

    @Test
    @Order(6)
    void theNoticeOfAnUnlockCanBeReportedThroughThePublicApiToo() {
        JourneyApi.Flow flow = api.flow("unlocks", api.start("unlocks", "alice"));
        choose(flow, "EMAIL", "alice.alt@example.org");
        assertThat(api.submit(flow, "enterCode", Map.of("code", codeSentTo("alice.alt@example.org"))).field("status")).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.lastMessageTo("alice@example.org").path("subject").asText().contains("unlocked"));
        String unlockToken = linkIn("alice@example.org");

        JourneyApi.Response reported = api.post("/api/v1/not-me-reports", null, Map.of("token", unlockToken));
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.field("status")).isEqualTo("REPORTED");
        assertThat(reported.body().path("messages").get(0).path("code").asText()).isEqualTo("notMe.reported");
        assertThat(api.start("resets", "alice").field("status")).isEqualTo("LOCKED_OUT");
        assertThat(api.post("/api/v1/not-me-reports", null, Map.of("token", unlockToken)).status()).as("once only").isEqualTo(404);

        JsonNode task = reportTask(flow.id());
        assertThat(helen().get("/engine-rest/task/" + task.path("id").asText() + "/form-variables").json()
                .path("reportedNotice").path("value").asText()).isEqualTo("ACCOUNT_UNLOCKED");
        assertThat(helen().postJson("/engine-rest/task/" + task.path("id").asText() + "/complete", "{\"variables\":{\"accountSecured\":{\"value\":true},"
                + "\"resolution\":{\"value\":\"Checked with alice: her colleague unlocked it for her\"}}}").status()).isEqualTo(204);
        assertThat(api.start("resets", "alice").stepKey()).isEqualTo("chooseMethod");
    }
}
