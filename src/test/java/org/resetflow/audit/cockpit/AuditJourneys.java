package org.resetflow.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.resetflow.camunda.JourneyHistory;
import org.resetflow.testing.CodeDeliveries;
import org.resetflow.testing.JourneyApi;

/**
 * The known journeys every audit test counts, run once through the public API:
 * <ol>
 *   <li>alice resets by email: completed</li>
 *   <li>bob resets by email; writing his password on-premises fails for good (an incident), is retried, and completes</li>
 *   <li>dave, an administrator, resets by email, then text message: completed</li>
 *   <li>gina unlocks her account by email: completed</li>
 *   <li>gina resets by email and types wrong codes until she is locked out</li>
 *   <li>carol has nothing registered: escalated, the helpdesk review waits</li>
 *   <li>frank is outside self-service: refused</li>
 *   <li>a username that does not exist, shaped like a spreadsheet formula and HTML, chooses email and stays active</li>
 * </ol>
 */
final class AuditJourneys {

    /** Formula and markup in one: the export must defuse it, the page must show it as text. */
    static final String HOSTILE_USERNAME = "=HYPERLINK(\"https://evil.example\")<img src=x onerror=\"document.title='pwned'\">";

    /** Flow ids (business keys) and process instance ids of the journeys the tests look at. */
    record Ran(String aliceFlowId, String aliceInstance, String bobInstance, String carolFlowId, String carolInstance, String hostileFlowId) {
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<Integer, Ran> RAN = new HashMap<>();
    private static final Map<Integer, RuntimeException> FAILURES = new HashMap<>();
    private static final AtomicInteger PASSWORDS = new AtomicInteger();

    private AuditJourneys() {
    }

    /**
     * Runs the journeys on the first call for an application (known by its port); a failure fails every later call
     * for it too, without running anything again. A context Spring's test cache recreated gets its journeys anew.
     */
    static synchronized Ran runOnce(int port, RuntimeService runtime, ManagementService management, HistoryService history) {
        RuntimeException failed = FAILURES.get(port);
        if (failed != null) {
            throw failed;
        }
        Ran ran = RAN.get(port);
        if (ran == null) {
            try {
                ran = run(new JourneyApi(port), runtime, management, history);
                RAN.put(port, ran);
            } catch (RuntimeException | AssertionError e) {
                FAILURES.put(port, new IllegalStateException("The audit's known journeys did not run through", e));
                throw FAILURES.get(port);
            }
        }
        return ran;
    }

    /** Runs the journeys now, for an application of its own (see {@link #runOnce} for the shared test application). */
    static Ran run(JourneyApi api, RuntimeService runtime, ManagementService management, HistoryService history) {
        JourneyApi.Flow alice = resetByEmail(api, history, "alice", "alice.alt@example.org");
        setPassword(api, alice);
        String bobInstance = bobsWritebackFailsThenSucceeds(api, runtime, management, history);
        daveResetsWithTwoGates(api, history);
        ginaUnlocksThenLocksHerselfOut(api, history);
        JourneyApi.Flow carol = started(api, "carol", "ESCALATED");
        started(api, "frank", "REFUSED");
        JourneyApi.Response hostileStarted = api.start("resets", HOSTILE_USERNAME);
        assertThat(api.optionValues(hostileStarted)).as("the hostile username's decoy offers email (AuditTestApplication fixes the secret)")
                .contains("EMAIL");
        JourneyApi.Flow hostile = api.flow("resets", hostileStarted);
        assertThat(choose(api, hostile, "EMAIL", "nobody@example.org").stepKey()).isEqualTo("enterCode");
        return new Ran(alice.id(), instanceOf(history, alice), bobInstance, carol.id(), instanceOf(history, carol), hostile.id());
    }

    /** The figures the journeys produce: the summary must count exactly them. */
    static void assertSummaryCountsThem(JsonNode summary, Ran ran) {
        assertThat(summary.path("window").path("days").asInt()).isEqualTo(30);
        assertThat(summary.path("journeys").asLong()).isEqualTo(8);
        assertThat(counts(summary.path("byOutcome"))).containsExactlyInAnyOrderEntriesOf(Map.of("COMPLETED", 4L, "ESCALATED", 1L,
                "REFUSED", 1L, "LOCKED_OUT", 1L, "EXPIRED", 0L, "ACTIVE", 1L, "CANCELLED", 0L));
        assertThat(counts(summary.path("byJourney"))).containsExactlyInAnyOrderEntriesOf(Map.of("reset", 7L, "unlock", 1L, "registration", 0L));
        Map<String, List<Long>> byMethod = new LinkedHashMap<>();
        summary.path("byMethod").forEach(method -> byMethod.put(method.path("method").asText(),
                List.of(method.path("tried").asLong(), method.path("verified").asLong())));
        assertThat(byMethod).as("journeys that tried / were verified by each method").containsExactlyInAnyOrderEntriesOf(Map.of(
                "EMAIL", List.of(6L, 4L), "SMS", List.of(1L, 1L), "VOICE_MOBILE", List.of(0L, 0L),
                "VOICE_OFFICE", List.of(0L, 0L), "QUESTIONS", List.of(0L, 0L), "AUTHENTICATOR_APP", List.of(0L, 0L),
                "PASSKEY", List.of(0L, 0L)));
        assertThat(summary.path("unknownAccounts").asLong()).isEqualTo(1);
        assertThat(summary.path("lockouts").asLong()).isEqualTo(1);
        assertThat(summary.path("successRate").asDouble()).as("4 completed of 7 finished for known accounts").isEqualTo(4.0 / 7);
        assertThat(summary.path("medianMillisToComplete").asLong()).isPositive();

        JsonNode days = summary.path("days");
        assertThat(days).hasSize(30);
        assertThat(sum(days, day -> day.path("journeys").asLong())).isEqualTo(8);
        assertThat(sum(days, day -> day.path("byOutcome").path("COMPLETED").asLong())).isEqualTo(4);
        assertThat(sum(days, day -> day.path("methodsTried").path("EMAIL").asLong())).isEqualTo(6);
        assertThat(days.get(0).path("day").asText()).isLessThan(days.get(29).path("day").asText());

        JsonNode escalations = summary.path("escalationsWaiting");
        assertThat(escalations.path("count").asLong()).isEqualTo(1);
        assertThat(escalations.path("oldest").get(0).path("username").asText()).isEqualTo("carol");
        assertThat(escalations.path("oldest").get(0).path("processInstanceId").asText()).isEqualTo(ran.carolInstance());
        assertThat(escalations.path("oldestAgeSeconds").asLong()).isNotNegative();

        JsonNode failures = summary.path("writebackFailures");
        assertThat(failures.path("count").asLong()).isEqualTo(1);
        assertThat(failures.path("open").asLong()).as("retried successfully").isZero();
        assertThat(failures.path("byActivity").path("writeBackPassword").asLong()).isEqualTo(1);
        assertThat(failures.path("latest").get(0).path("processInstanceId").asText()).isEqualTo(ran.bobInstance());
        assertThat(failures.path("latest").get(0).path("state").asText()).isEqualTo("resolved");
        assertThat(failures.path("latest").get(0).path("journeyEnded").isTextual()).as("bob's journey has ended").isTrue();
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
        return counts;
    }

    private static long sum(JsonNode array, ToLongFunction<JsonNode> value) {
        return StreamSupport.stream(array.spliterator(), false).mapToLong(value).sum();
    }

    /** The journey's own process instance: of the root instances with its flow id, a code's delivery is none. */
    private static String instanceOf(HistoryService history, JourneyApi.Flow flow) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(flow.id()).rootProcessInstances()
                .processDefinitionKeyIn(JourneyHistory.PROCESS_KEYS.toArray(String[]::new)).singleResult().getId();
    }

    private static String bobsWritebackFailsThenSucceeds(JourneyApi api, RuntimeService runtime, ManagementService management, HistoryService history) {
        var writeBack = management.createJobDefinitionQuery().processDefinitionKey("passwordReset").activityIdIn("writeBackPassword").list();
        writeBack.forEach(definition -> management.suspendJobDefinitionById(definition.getId()));
        JourneyApi.Flow bob = resetByEmail(api, history, "bob", "bob.alt@example.org");
        String instance = api.processInstanceOf(runtime, bob);
        // The job of a suspended definition is created suspended: it waits until the test has made it an incident.
        CompletableFuture<JourneyApi.Response> submitted = CompletableFuture.supplyAsync(() -> setPasswordRequest(api, bob));
        Job job = await().atMost(PATIENCE).until(() -> management.createJobQuery().processInstanceId(instance)
                .activityId("writeBackPassword").singleResult(), found -> found != null);
        management.setJobRetries(job.getId(), 0);
        submitted.join();
        writeBack.stream().map(JobDefinition::getId).forEach(id -> management.activateJobDefinitionById(id, true));
        management.setJobRetries(job.getId(), 1);
        await().atMost(PATIENCE).until(() -> api.get(bob).field("status"), "COMPLETED"::equals);
        return instance;
    }

    private static void daveResetsWithTwoGates(JourneyApi api, HistoryService history) {
        JourneyApi.Flow dave = resetByEmail(api, history, "dave", "dave.alt@example.org");
        assertThat(choose(api, dave, "SMS", "+1 202 555 0104").stepKey()).isEqualTo("enterCode");
        assertThat(api.submit(dave, "enterCode", Map.of("code", codeTo(api, history, "+12025550104"))).stepKey()).isEqualTo("setPassword");
        setPassword(api, dave);
    }

    private static void ginaUnlocksThenLocksHerselfOut(JourneyApi api, HistoryService history) {
        JourneyApi.Flow unlock = api.flow("unlocks", api.start("unlocks", "gina"));
        choose(api, unlock, "EMAIL", "gina.alt@example.org");
        assertThat(api.submit(unlock, "enterCode", Map.of("code", codeTo(api, history, "gina.alt@example.org"))).field("status")).isEqualTo("COMPLETED");

        JourneyApi.Flow reset = api.flow("resets", api.start("resets", "gina"));
        choose(api, reset, "EMAIL", "gina.alt@example.org");
        String code = codeTo(api, history, "gina.alt@example.org");
        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        for (int attempt = 0; attempt < 10 && "ACTIVE".equals(api.get(reset).field("status")); attempt++) {
            api.submit(reset, "enterCode", Map.of("code", wrong));
        }
        assertThat(api.get(reset).field("status")).isEqualTo("LOCKED_OUT");
    }

    private static JourneyApi.Flow started(JourneyApi api, String username, String status) {
        JourneyApi.Response started = api.start("resets", username);
        assertThat(started.field("status")).isEqualTo(status);
        return api.flow("resets", started);
    }

    /** Starts a reset and passes the first gate by an emailed code. */
    private static JourneyApi.Flow resetByEmail(JourneyApi api, HistoryService history, String username, String alternateEmail) {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", username));
        assertThat(choose(api, flow, "EMAIL", alternateEmail).stepKey()).isEqualTo("enterCode");
        JourneyApi.Response next = api.submit(flow, "enterCode", Map.of("code", codeTo(api, history, alternateEmail)));
        assertThat(next.stepKey()).isIn("setPassword", "chooseMethod");
        return flow;
    }

    private static JourneyApi.Response choose(JourneyApi api, JourneyApi.Flow flow, String method, String contact) {
        return api.submit(flow, "chooseMethod", Map.of("method", method, "contact", contact));
    }

    private static void setPassword(JourneyApi api, JourneyApi.Flow flow) {
        assertThat(setPasswordRequest(api, flow).field("status")).isEqualTo("COMPLETED");
    }

    private static JourneyApi.Response setPasswordRequest(JourneyApi api, JourneyApi.Flow flow) {
        String password = "Audit-Lantern-Orchard-" + PASSWORDS.incrementAndGet() + "!";
        return api.submit(flow, "setPassword", Map.of("password", password, "passwordConfirmation", password));
    }

    /** The code of the newest message to a recipient, once every code's delivery (after the answer) has ended. */
    private static String codeTo(JourneyApi api, HistoryService history, String recipient) {
        CodeDeliveries.awaitAllEnded(history);
        var message = api.lastMessageTo(recipient);
        assertThat(message).as("a message to " + recipient).isNotNull();
        return message.path("code").asText();
    }
}
