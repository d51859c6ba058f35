package org.resetflow.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;

/**
 * Drill: the domain controller (the embedded on-premises directory, stopped) is unreachable, once during the account
 * check at a journey's start and once during the writeback of a new password, each for longer than the retries of
 * {@code resetflow.engine.directory-retry-cycle} (production's default). The user reads "pending", then what is true
 * once the retries are spent; the helpdesk sees a {@code failedJob} incident, and for the writeback a task; nothing
 * recovers by itself after the retries: an operator retries the incident as Cockpit does, and the journey ends with
 * exactly its messages.
 */
class DomainControllerOutageIT extends OutageDrillApplication {

    static final String DEMO_PASSWORD = "Demo-Passw0rd!";

    @RegisterExtension
    static final ExpectedLog LOG = ExpectedLog.of("org.resetflow", "org.camunda.bpm");

    @Test
    void duringTheAccountCheckTheJourneyWaitsAtItsStartUntilAnOperatorRetriesIt() throws Exception {
        JourneyApi api = api();
        JourneyApi.Flow flow;
        String failedCheck;
        try {
            directories.takeOnPremisesDown();
            JourneyApi.Response started = api.start("resets", "bob");
            assertThat(started.status()).as("the start answers whatever the directories do").isEqualTo(201);
            flow = api.flow("resets", started);
            assertThat(started.field("status")).isEqualTo("ACTIVE");
            assertThat(started.stepKey()).isNull();
            assertThat(messageCodes(started)).as("the first try failed; the next is seconds away").containsExactly("pending");

            untilRetriesAreSpent(flow, () -> !incidentsOf(flow).isEmpty());
            Incident incident = incidentsOf(flow).get(0);
            assertThat(incidentsOf(flow)).hasSize(1);
            assertThat(incident.getIncidentType()).isEqualTo("failedJob");
            assertThat(incident.getActivityId()).isEqualTo("checkAccount");
            assertThat(incident.getProcessInstanceId()).isEqualTo(journeyInstance(flow, "passwordReset"));
            assertThat(incident.getIncidentMessage()).containsIgnoringCase("on-premises");
            failedCheck = incident.getConfiguration();
            JourneyApi.Response stalled = api.get(flow);
            assertThat(messageCodes(stalled)).containsExactly("pending.stalled");
            assertThat(stalled.flow().path("messages").get(0).path("text").asText()).contains("You do not need to start again");
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(flow.id()).withCandidateGroups().count())
                    .as("no helpdesk task for an account check").isZero();
        } finally {
            directories.restoreOnPremises();
        }
        assertThat(api.get(flow).stepKey()).as("nothing recovers by itself once the retries are spent").isNull();

        retryAsCockpitDoes(failedCheck);
        await().atMost(Duration.ofSeconds(30)).until(() -> "chooseMethod".equals(api.get(flow).stepKey()));
        String newPassword = "Lantern-Orchard-Basil-45";
        assertThat(reset(api, flow, "bob", newPassword).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(api.get(flow).field("status")));
        await().atMost(Duration.ofSeconds(30)).until(() -> instancesOf(flow).isEmpty());
        assertThat(canBind(directories.onPremisesPort(), "uid=bob,ou=people,dc=corp,dc=example,dc=org", newPassword)).isTrue();
        assertThat(mailSubjects("bob.alt@example.org")).containsExactly(codeSubject(), resetNoticeSubject());
        assertThat(mailSubjects("bob@example.org")).containsExactly(resetNoticeSubject());
        assertThat(textsTo("+12025550102")).singleElement().satisfies(text -> assertThat(text).contains("the password of bob was changed"));
        assertOneLinePerFailure(5);
    }

    @Test
    void duringTheWritebackTheHelpdeskIsToldAndTheResetCompletesOnceAnOperatorRetriesIt() throws Exception {
        JourneyApi api = api();
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "erin"));
        assertThat(api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "erin.alt@example.org")).stepKey()).isEqualTo("enterCode");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("erin.alt@example.org").size() == 1);
        String code = SmtpOutageIT.code(text(mailsTo("erin.alt@example.org").get(0)));
        assertThat(api.submit(flow, "enterCode", Map.of("code", code)).stepKey()).isEqualTo("setPassword");
        String journey = journeyInstance(flow, "passwordReset");
        String newPassword = "Saffron-Kettle-Harbor-83";
        String failedWrite;
        try {
            directories.takeOnPremisesDown();
            JourneyApi.Response pending = api.submit(flow, "setPassword", Map.of("password", newPassword, "passwordConfirmation", newPassword));
            assertThat(pending.field("status")).isEqualTo("ACTIVE");
            assertThat(messageCodes(pending)).containsExactly("pending");
            assertThat(pending.flow().path("messages").get(0).path("text").asText()).contains("we keep trying");

            untilRetriesAreSpent(flow, () -> !incidentsOf(flow).isEmpty());
            assertThat(incidentsOf(flow)).as("the helpdesk's view in Cockpit").singleElement().satisfies(incident -> {
                assertThat(incident.getIncidentType()).isEqualTo("failedJob");
                assertThat(incident.getActivityId()).isEqualTo("writeBackPassword");
                assertThat(incident.getIncidentMessage()).startsWith("The on-premises directory could not").contains("erin").contains("Connection refused");
                assertThat(incident.getProcessInstanceId()).isEqualTo(journey);
            });
            failedWrite = incidentsOf(flow).get(0).getConfiguration();
            await().atMost(Duration.ofSeconds(30)).until(() -> messageCodes(api.get(flow)).equals(java.util.List.of("pending.helpdesk")));
            assertThat(api.get(flow).flow().path("messages").get(0).path("text").asText()).contains("told your helpdesk");
            Task task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(flow.id())
                    .taskDefinitionKey("checkDirectoryWrite").taskCandidateGroup("helpdesk-admins").singleResult(), found -> found != null);
            assertThat(task.getName()).isEqualTo("Check the failing directory write");
            assertThat(canBind(directories.cloudPort(), "uid=erin,ou=people,dc=cloud,dc=example,dc=org", DEMO_PASSWORD))
                    .as("the cloud waits for the domain controller: the two never disagree").isTrue();
            assertThat(mailSubjects("erin@example.org")).as("no notice before the password is set").isEmpty();
        } finally {
            directories.restoreOnPremises();
        }
        assertThat(messageCodes(api.get(flow))).as("nothing recovers by itself once the retries are spent").containsExactly("pending.helpdesk");

        retryAsCockpitDoes(failedWrite);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(api.get(flow).field("status")));
        await().atMost(Duration.ofSeconds(30)).until(() -> instancesOf(flow).isEmpty());
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(flow.id()).count()).as("the helpdesk's task ended with the retry").isZero();
        assertThat(canBind(directories.onPremisesPort(), "uid=erin,ou=people,dc=corp,dc=example,dc=org", newPassword)).isTrue();
        assertThat(canBind(directories.cloudPort(), "uid=erin,ou=people,dc=cloud,dc=example,dc=org", newPassword)).isTrue();
        assertThat(mailSubjects("erin.alt@example.org")).containsExactly(codeSubject(), resetNoticeSubject());
        assertThat(mailSubjects("erin@example.org")).containsExactly(resetNoticeSubject());
        assertOneLinePerFailure(5);
    }

    private void assertOneLinePerFailure(int tries) {
        assertThat(LOG.lines()).as("one line per failure, no stack trace, nothing at ERROR").noneMatch(ExpectedLog.Line::hasStackTrace)
                .noneMatch(line -> line.level() == Level.ERROR);
        assertThat(LOG.lines(Level.WARN)).filteredOn(line -> line.logger().endsWith("JobFailureLog"))
                .as("one line for each try of production's retry cycle").hasSizeGreaterThanOrEqualTo(tries);
    }

    private JourneyApi.Response reset(JourneyApi api, JourneyApi.Flow flow, String user, String newPassword) {
        String alternate = user + ".alt@example.org";
        int before = mailsTo(alternate).size();
        assertThat(api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", alternate)).stepKey()).isEqualTo("enterCode");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(alternate).size() == before + 1);
        String code = SmtpOutageIT.code(text(mailsTo(alternate).get(before)));
        assertThat(api.submit(flow, "enterCode", Map.of("code", code)).stepKey()).isEqualTo("setPassword");
        return api.submit(flow, "setPassword", Map.of("password", newPassword, "passwordConfirmation", newPassword));
    }

    static boolean canBind(int port, String dn, String password) throws LDAPException {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
            return connection.bind(dn, password).getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }
}
