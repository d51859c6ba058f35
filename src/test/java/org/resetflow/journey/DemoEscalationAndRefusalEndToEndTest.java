package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.JourneyApi;

/** The eligibility outcomes a user is shown: an escalation the helpdesk works, a refusal that says whom to contact. */
@Order(DemoJourneys.ESCALATION_AND_REFUSAL)
class DemoEscalationAndRefusalEndToEndTest extends DemoJourneys {

    @Test
    void carolIsEscalatedAndTheHelpdeskSetsATemporaryPassword() {
        JourneyApi.Response started = api.start("resets", "carol");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.field("status")).isEqualTo("ESCALATED");
        assertThat(started.body().path("step").isNull()).isTrue();
        assertThat(started.body().path("messages").findValuesAsText("code")).containsExactly("escalated", "helpdesk");
        String flowId = started.body().path("flowId").asText();

        assertThat(api.getPath("/engine-rest/task?processInstanceBusinessKey=" + flowId, null).status()).isEqualTo(401);
        JsonNode tasks = api.getPath("/engine-rest/task?processInstanceBusinessKey=" + flowId + "&candidateGroup=helpdesk-admins", "demo:demo").body();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("reviewEscalation");
        String taskId = tasks.get(0).path("id").asText();
        String processInstanceId = tasks.get(0).path("processInstanceId").asText();
        JsonNode form = api.getPath("/engine-rest/task/" + taskId + "/deployed-form", "demo:demo").body();
        assertThat(form.path("id").asText()).isEqualTo("escalation");

        JourneyApi.Response approved = api.post("/engine-rest/task/" + taskId + "/complete", null,
                Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"))));
        assertThat(approved.status()).as("anonymous completion refused").isEqualTo(401);
        // telling the user that the helpdesk has the request runs in the background and may meet the approval: try again
        await().atMost(Duration.ofSeconds(30)).until(() -> completeAsDemo(taskId) == 204);

        String[] temporary = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JourneyApi.Response handover = api.postPath("/staff/api/escalations/" + processInstanceId + "/temporary-password", "demo:demo");
            if (handover.status() == 200) {
                temporary[0] = handover.body().path("temporaryPassword").asText();
            }
            return temporary[0] != null;
        });
        SECRETS.add(temporary[0]);
        assertThat(api.postPath("/staff/api/escalations/" + processInstanceId + "/temporary-password", "demo:demo").status())
                .as("handed over once only").isEqualTo(404);
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "carol", temporary[0])).isTrue();
        assertThat(Directories.attribute(CLOUD_PORT, Directories.CLOUD, "carol", temporary[0], "pwdReset")).isEqualTo("TRUE");
        PASSWORDS.put("carol", temporary[0]);
    }

    private int completeAsDemo(String taskId) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + "/complete"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                    .header(org.resetflow.testing.StaffClient.SCRIPTED_CALL, "resetflow-tests")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}"))
                    .build();
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What helen (helpdesk) sees through the REST API that Tasklist uses, with her directory password: two escalations
     * of carol that differ in their names, each with the reason in words, due and to be followed up as the settings
     * say (8 and 4 hours by default); the list sorted by due date; the Escalations filter in that order, with whose and
     * why on each card; and a search by a variable.
     */
    @Test
    void theHelpdeskSeesWhoseEscalationsTheyAreAndWhyAndSortsThemByDueDate() {
        String helen = "helen:" + DEMO_PASSWORD;
        String reset = api.start("resets", "carol").body().path("flowId").asText();
        String unlock = api.start("unlocks", "carol").body().path("flowId").asText();

        JsonNode resetReview = api.getPath("/engine-rest/task?processInstanceBusinessKey=" + reset, helen).body().get(0);
        JsonNode unlockReview = api.getPath("/engine-rest/task?processInstanceBusinessKey=" + unlock, helen).body().get(0);
        assertThat(resetReview.path("name").asText()).isEqualTo("Review: carol (reset) – no recovery information registered");
        assertThat(unlockReview.path("name").asText()).isEqualTo("Review: carol (unlock) – no recovery information registered");
        Instant created = instant(resetReview.path("created"));
        assertThat(Duration.between(created, instant(resetReview.path("due")))).isBetween(Duration.ofHours(8), Duration.ofHours(8).plusSeconds(1));
        assertThat(Duration.between(created, instant(resetReview.path("followUp")))).isBetween(Duration.ofHours(4), Duration.ofHours(4).plusSeconds(1));
        JsonNode form = api.getPath("/engine-rest/task/" + resetReview.path("id").asText() + "/form-variables", helen).body();
        assertThat(form.path("escalationReason").path("value").asText()).isEqualTo("no recovery information registered");

        List<String> ascending = ids(api.getPath("/engine-rest/task?candidateGroup=helpdesk-admins&sortBy=dueDate&sortOrder=asc", helen).body());
        List<String> descending = ids(api.getPath("/engine-rest/task?candidateGroup=helpdesk-admins&sortBy=dueDate&sortOrder=desc", helen).body());
        assertThat(dueDates(api.getPath("/engine-rest/task?candidateGroup=helpdesk-admins&sortBy=dueDate&sortOrder=asc", helen).body())).isSorted();
        assertThat(ascending.indexOf(resetReview.path("id").asText())).as("the older escalation is due first")
                .isLessThan(ascending.indexOf(unlockReview.path("id").asText()));
        assertThat(descending.indexOf(resetReview.path("id").asText())).isGreaterThan(descending.indexOf(unlockReview.path("id").asText()));

        JsonNode filter = api.getPath("/engine-rest/filter?resourceType=Task&name=Escalations", helen).body().get(0);
        assertThat(filter.path("properties").path("variables").findValuesAsText("name")).containsExactly("username", "journey", "escalationReason");
        JsonNode listed = api.getPath("/engine-rest/filter/" + filter.path("id").asText() + "/list", helen).body();
        assertThat(dueDates(listed)).isSorted();
        assertThat(ids(listed).indexOf(resetReview.path("id").asText())).isLessThan(ids(listed).indexOf(unlockReview.path("id").asText()));

        JsonNode carols = api.getPath("/engine-rest/task?processDefinitionKey=helpdeskEscalation&processVariables=username_eq_carol", helen).body();
        assertThat(ids(carols)).contains(resetReview.path("id").asText(), unlockReview.path("id").asText());
        carols.forEach(task -> assertThat(task.path("name").asText()).startsWith("Review: carol ("));
    }

    private static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    /** The due dates of the tasks that have one, in the order listed. */
    private static List<Instant> dueDates(JsonNode tasks) {
        List<Instant> dates = new ArrayList<>();
        tasks.forEach(task -> {
            if (!task.path("due").isNull()) {
                dates.add(instant(task.path("due")));
            }
        });
        return dates;
    }

    /** A date as the engine's REST API writes it ({@code 2026-12-06T06:40:00.000+0000}). */
    private static Instant instant(JsonNode date) {
        return OffsetDateTime.parse(date.asText(), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    @Test
    void frankIsRefusedAndToldWhomToContact() {
        JourneyApi.Response started = api.start("resets", "frank");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.field("status")).isEqualTo("REFUSED");
        assertThat(started.body().path("messages").findValuesAsText("text"))
                .anySatisfy(text -> assertThat(text).contains("Contact the IT helpdesk.").contains("https://helpdesk.example.org"));
        assertThat(api.get(api.flow("resets", started)).field("status")).isEqualTo("REFUSED");
    }
}
