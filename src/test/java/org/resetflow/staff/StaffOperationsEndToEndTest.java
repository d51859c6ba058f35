package org.resetflow.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.resetflow.testing.CodeDeliveries;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.StaffClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What administrators do to journeys, through the surfaces they use: {@code /engine-rest} with HTTP Basic, and the
 * Cockpit session's API that Cockpit's buttons call. An administrator ({@code adam}, in no other staff group)
 * retries a failed directory write, resolves an incident, restarts a step and cancels a journey; a process owner
 * (olivia) and a helpdesk member (helen) are refused each of them. And the user reads, at each moment, what is true:
 * retrying, then handed to the helpdesk.
 */
class StaffOperationsEndToEndTest extends StaffApplication {

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    EmbeddedDirectories directories;

    @Autowired
    ManagementService management;

    JourneyApi api;
    StaffClient administrator;
    StaffClient olivia;
    StaffClient helen;

    @BeforeEach
    void clients() throws Exception {
        addAdministratorOnly();
        api = new JourneyApi(port);
        administrator = new StaffClient(port, ADMINISTRATOR_ONLY, DEMO_PASSWORD);
        olivia = new StaffClient(port, "olivia", DEMO_PASSWORD);
        helen = new StaffClient(port, "helen", DEMO_PASSWORD);
    }

    @Test
    void aWritebackThatRanOutOfRetriesIsRetriedInCockpitByAnAdministratorAndTheResetCompletes() throws Exception {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "bob"));
        api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "bob.alt@example.org"));
        // the code is delivered after the answer, in a process instance of its own
        CodeDeliveries.awaitAllEnded(history);
        assertThat(api.submit(flow, "enterCode", Map.of("code", api.lastMessageTo("bob.alt@example.org").path("code").asText())).stepKey())
                .isEqualTo("setPassword");
        String newPassword = "Cobalt-Meadow-Ferry-93";
        String failedJob;
        try (ExpectedLog expected = ExpectedLog.capture("org.resetflow")) {
            directories.takeOnPremisesDown();
            JourneyApi.Response retrying = api.submit(flow, "setPassword", Map.of("password", newPassword, "passwordConfirmation", newPassword));
            assertThat(retrying.field("status")).isEqualTo("ACTIVE");
            assertThat(messageCodes(retrying)).as("the first attempt failed; the second is seconds away").containsExactly("pending");
            assertThat(retrying.body().path("messages").get(0).path("text").asText()).contains("we keep trying").doesNotContain("helpdesk");

            String journey = instanceOf(flow, "passwordReset");
            lastRetryComesNow(journey);
            await().atMost(Duration.ofSeconds(30)).until(() -> administrator.get("/engine-rest/incident?processInstanceId=" + journey).json().size() == 1);
            JsonNode incident = administrator.get("/engine-rest/incident?processInstanceId=" + journey).json().get(0);
            assertThat(incident.path("activityId").asText()).isEqualTo("writeBackPassword");
            failedJob = incident.path("configuration").asText();
            assertThat(messageCodes(api.get(flow))).containsExactly("pending.helpdesk");
            assertThat(api.get(flow).body().path("messages").get(0).path("text").asText()).contains("told your helpdesk");
            assertThat(api.language("de").get(flow).body().path("messages").get(0).path("text").asText())
                    .contains("Ihren Helpdesk informiert");
            api.language("en");
            assertThat(helen.get("/engine-rest/task?processInstanceBusinessKey=" + flow.id() + "&taskDefinitionKey=checkDirectoryWrite").json())
                    .as("the helpdesk has its task").hasSize(1);

            assertThat(olivia.putJson("/engine-rest/job/" + failedJob + "/retries", "{\"retries\": 1}").status()).as("a process owner").isEqualTo(403);
            assertThat(helen.putJson("/engine-rest/job/" + failedJob + "/retries", "{\"retries\": 1}").status()).as("the helpdesk").isEqualTo(403);
            assertThat(expected.lines()).as("what the outage logged").anyMatch(line -> line.level() == Level.WARN && line.message().contains("failed for good"))
                    .noneMatch(line -> line.level() == Level.ERROR);
        } finally {
            directories.restoreOnPremises();
        }

        // as Cockpit's retry button sends it, with its defaults (the job's due date kept)
        assertThat(administrator.webappLogin("cockpit").status()).isEqualTo(200);
        StaffClient.Reply retried = administrator.webappPutJson("/camunda/api/engine/engine/default/job/" + failedJob + "/retries", "{\"retries\": 1}");
        assertThat(retried.status()).as(retried.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(api.get(flow).field("status")));
        assertThat(canBindOnPremises("bob", newPassword)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                helen.get("/engine-rest/task?processInstanceBusinessKey=" + flow.id()).json().isEmpty());
        assertThat(history.createUserOperationLogQuery().operationType("SetJobRetries").jobId(failedJob).list())
                .as("the history says who retried it").isNotEmpty().allSatisfy(entry -> assertThat(entry.getUserId()).isEqualTo(ADMINISTRATOR_ONLY));
    }

    @Test
    void anAccountCheckThatRanOutOfRetriesIsNoHelpdeskTaskAndTheUserIsNotToldItIs() {
        JourneyApi.Flow flow;
        String failedJob;
        try (ExpectedLog expected = ExpectedLog.capture("org.resetflow")) {
            directories.takeOnPremisesDown();
            flow = api.flow("resets", api.start("resets", "bob"));
            assertThat(messageCodes(api.get(flow))).containsExactly("pending");
            String journey = instanceOf(flow, "passwordReset");
            lastRetryComesNow(journey);
            await().atMost(Duration.ofSeconds(30)).until(() -> administrator.get("/engine-rest/incident?processInstanceId=" + journey).json().size() == 1);
            failedJob = administrator.get("/engine-rest/incident?processInstanceId=" + journey).json().get(0).path("configuration").asText();
            assertThat(messageCodes(api.get(flow))).containsExactly("pending.stalled");
            assertThat(api.get(flow).body().path("messages").get(0).path("text").asText()).doesNotContain("helpdesk");
            assertThat(helen.get("/engine-rest/task?processInstanceBusinessKey=" + flow.id()).json()).as("no task for the helpdesk").isEmpty();
            assertThat(expected.lines()).noneMatch(line -> line.level() == Level.ERROR);
        } finally {
            directories.restoreOnPremises();
        }
        assertThat(administrator.putJson("/engine-rest/job/" + failedJob + "/retries", "{\"retries\": 1}").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "chooseMethod".equals(api.get(flow).stepKey()));
    }

    @Test
    void anAdministratorResolvesAnIncidentOthersAreRefused() {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        String step = runtime.createExecutionQuery().processInstanceId(instanceOf(flow, "identityVerification")).activityId("chooseMethod")
                .singleResult().getId();
        // what a code that could not be sent leaves (SendCodeDelegate), raised here directly: the development outbox never fails
        String incident = runtime.createIncident("codeDelivery", step, "EMAIL", "HTTP 503 (retries exhausted)").getId();

        assertThat(olivia.delete("/engine-rest/incident/" + incident).status()).isEqualTo(403);
        assertThat(helen.delete("/engine-rest/incident/" + incident).status()).isEqualTo(403);
        assertThat(runtime.createIncidentQuery().incidentId(incident).count()).isEqualTo(1);

        assertThat(administrator.delete("/engine-rest/incident/" + incident).status()).isEqualTo(204);
        assertThat(runtime.createIncidentQuery().incidentId(incident).count()).isZero();
        assertThat(history.createHistoricIncidentQuery().incidentId(incident).resolved().count()).isEqualTo(1);
        assertThat(api.get(flow).stepKey()).as("the journey goes on").isEqualTo("chooseMethod");
    }

    @Test
    void anAdministratorRestartsAStepOthersAreRefused() {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        String verification = instanceOf(flow, "identityVerification");
        String before = administrator.get("/engine-rest/process-instance/" + verification + "/activity-instances").json()
                .path("childActivityInstances").get(0).path("id").asText();
        // start the step again, then cancel the instance of it the user had
        String restart = "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"chooseMethod\"},"
                + " {\"type\": \"cancel\", \"activityInstanceId\": \"" + before + "\"}], \"annotation\": \"the user asked to start the step again\"}";

        assertThat(olivia.postJson("/engine-rest/process-instance/" + verification + "/modification", restart).status()).isEqualTo(403);
        assertThat(helen.postJson("/engine-rest/process-instance/" + verification + "/modification", restart).status()).isEqualTo(403);

        assertThat(administrator.postJson("/engine-rest/process-instance/" + verification + "/modification", restart).status()).isEqualTo(204);
        JsonNode now = administrator.get("/engine-rest/process-instance/" + verification + "/activity-instances").json().path("childActivityInstances");
        assertThat(now).singleElement().satisfies(step -> {
            assertThat(step.path("activityId").asText()).isEqualTo("chooseMethod");
            assertThat(step.path("id").asText()).isNotEqualTo(before);
        });
        assertThat(api.get(flow).stepKey()).isEqualTo("chooseMethod");
    }

    @Test
    void anAdministratorCancelsAJourneyInCockpitOthersAreRefused() {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        String journey = instanceOf(flow, "passwordReset");

        assertThat(olivia.delete("/engine-rest/process-instance/" + journey).status()).isEqualTo(403);
        assertThat(helen.delete("/engine-rest/process-instance/" + journey).status()).isEqualTo(403);
        assertThat(olivia.webappLogin("cockpit").status()).isEqualTo(200);
        assertThat(olivia.webappDelete("/camunda/api/engine/engine/default/process-instance/" + journey).status())
                .as("a process owner in Cockpit").isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(journey).count()).isEqualTo(1);

        assertThat(administrator.webappLogin("cockpit").status()).isEqualTo(200);
        assertThat(administrator.webappDelete("/camunda/api/engine/engine/default/process-instance/" + journey).status()).isEqualTo(204);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(flow.id()).count()).as("with the processes it called").isZero();
        assertThat(api.get(flow).field("status")).isNotEqualTo("ACTIVE");
    }

    @Test
    void aProcessOwnerAndTheHelpdeskChangeNothingThroughTheRestApi() {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        String journey = instanceOf(flow, "passwordReset");
        for (StaffClient refused : List.of(olivia, helen)) {
            assertThat(refused.putJson("/engine-rest/process-instance/" + journey + "/suspended", "{\"suspended\": true}").status()).isEqualTo(403);
            assertThat(refused.putJson("/engine-rest/process-instance/" + journey + "/variables/username",
                    "{\"value\": \"mallory\", \"type\": \"String\"}").status()).isEqualTo(403);
            assertThat(refused.putJson("/engine-rest/process-definition/key/passwordReset/suspended", "{\"suspended\": true}").status())
                    .isEqualTo(403);
        }
        assertThat(api.get(flow).stepKey()).isEqualTo("chooseMethod");
    }

    /**
     * The second attempt fails two seconds after the first, and the third, the last, would come an hour later (the
     * retry cycle of {@link StaffApplication}): once the second has failed, the test lets that hour pass.
     */
    private void lastRetryComesNow(String processInstanceId) {
        var job = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(processInstanceId)
                .withException().singleResult(), failing -> failing != null && failing.getRetries() == 1);
        management.setJobDuedate(job.getId(), null);
    }

    private String instanceOf(JourneyApi.Flow flow, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(flow.id()).processDefinitionKey(processKey).singleResult().getId();
    }

    private static List<String> messageCodes(JourneyApi.Response response) {
        return response.body().path("messages").findValuesAsText("code");
    }

    private static boolean canBindOnPremises(String user, String password) throws LDAPException {
        try (LDAPConnection onPremises = new LDAPConnection("127.0.0.1", ON_PREMISES_PORT)) {
            return onPremises.bind("uid=" + user + ",ou=people,dc=corp,dc=example,dc=org", password).getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }
}
