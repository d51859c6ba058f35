package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
