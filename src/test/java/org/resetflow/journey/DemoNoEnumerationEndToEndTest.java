package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.resetflow.eligibility.AccountProfiles;
import org.resetflow.testing.CodeDeliveries;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.UnknownUsernames;
import org.springframework.beans.factory.annotation.Autowired;

/** No account enumeration: unknown usernames and mismatched contacts look, and take, the same as known ones. */
@Order(DemoJourneys.NO_ENUMERATION)
class DemoNoEnumerationEndToEndTest extends DemoJourneys {

    /** The account checks that meet the directory taken down below, as the job executor's threads log them. */
    @RegisterExtension
    static final ExpectedLog JOBS = ExpectedLog.of("org.resetflow.camunda.JobFailureLog");

    @Autowired
    EmbeddedDirectories directories;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    AccountProfiles profiles;

    @Test
    void anUnknownUsernameGetsTheSameAnswersAsARegisteredUser() {
        JourneyApi.Response known = api.start("resets", "alice");
        JourneyApi.Response unknown = api.start("resets", UnknownUsernames.withoutAnApp(profiles, "nobody.at.all"));
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(201);
        assertThat(fieldNames(unknown.body())).isEqualTo(fieldNames(known.body()));
        assertThat(unknown.body().path("step").path("form")).isEqualTo(known.body().path("step").path("form"));
        assertThat(unknown.body().path("step").path("total")).isEqualTo(known.body().path("step").path("total"));

        JourneyApi.Response knownSent = choose(api.flow("resets", known), "EMAIL", "alice.alt@example.org");
        JourneyApi.Response unknownSent = choose(api.flow("resets", unknown), "EMAIL", "nobody@example.org");
        assertThat(unknownSent.status()).isEqualTo(knownSent.status());
        assertThat(unknownSent.body().path("step")).isEqualTo(knownSent.body().path("step"));
        CodeDeliveries.awaitAllEnded(history);
        assertThat(api.outbox("nobody@example.org")).isEmpty();
        JourneyApi.Response guess = api.submit(api.flow("resets", unknown), "enterCode", Map.of("code", "12345678"));
        assertThat(guess.status()).isEqualTo(422);
        assertThat(guess.body().path("errors").get(0).path("code").asText()).isEqualTo("CODE_WRONG");
    }

    @Test
    void aContactThatDoesNotMatchSendsNothingAndLooksTheSame() {
        int before = api.outbox("bob.alt@example.org").size();
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "bob"));
        JourneyApi.Response mismatch = choose(flow, "EMAIL", "someone.else@example.org");
        assertThat(mismatch.status()).isEqualTo(200);
        assertThat(mismatch.stepKey()).isEqualTo("enterCode");
        assertThat(mismatch.body().path("messages")).isEmpty();
        CodeDeliveries.awaitAllEnded(history);
        assertThat(api.outbox("someone.else@example.org")).isEmpty();
        assertThat(api.outbox("bob.alt@example.org")).hasSize(before);

        JourneyApi.Flow again = api.flow("resets", api.start("resets", "bob"));
        choose(again, "EMAIL", "BOB.ALT@EXAMPLE.ORG");
        CodeDeliveries.awaitAllEnded(history);
        assertThat(api.outbox("bob.alt@example.org")).hasSize(before + 1);
        codeSentTo("bob.alt@example.org");

        int texts = api.outbox("+12025550102").size();
        choose(api.flow("resets", api.start("resets", "bob")), "SMS", "+12025550102");
        choose(api.flow("resets", api.start("resets", "bob")), "VOICE_MOBILE", "+1 202 555 0102");
        CodeDeliveries.awaitAllEnded(history);
        assertThat(api.outbox("+12025550102")).hasSize(texts + 2);
        codeSentTo("+12025550102");
    }

    @Test
    void whileTheOnPremisesDirectoryIsDownASyncedUsernameStartsAsAnUnknownOneDoes() {
        JourneyApi.Response synced;
        JourneyApi.Response unknown;
        directories.takeOnPremisesDown();
        try {
            synced = api.start("resets", "bob");
            unknown = api.start("resets", UnknownUsernames.withoutAnApp(profiles, "nobody.during.the.outage"));
            assertThat(synced.status()).isEqualTo(unknown.status()).isEqualTo(201);
            assertThat(fieldNames(synced.body())).isEqualTo(fieldNames(unknown.body()));
            assertThat(synced.field("status")).isEqualTo(unknown.field("status")).isEqualTo("ACTIVE");
            assertThat(synced.body().path("step")).isEqualTo(unknown.body().path("step"));
            assertThat(synced.body().path("messages")).isEqualTo(unknown.body().path("messages"));
            assertThat(synced.body().path("messages").findValuesAsText("code")).containsExactly("pending");
        } finally {
            directories.restoreOnPremises();
        }
        // the account checks wait for their retry, which an operator (or here the test) may bring forward
        for (JourneyApi.Response started : List.of(synced, unknown)) {
            JourneyApi.Flow flow = api.flow("resets", started);
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(flow.id())
                    .processDefinitionKey("passwordReset").singleResult().getId();
            management.createJobQuery().processInstanceId(instance).list()
                    .forEach(job -> management.setJobDuedate(job.getId(), null));
            await().atMost(Duration.ofSeconds(10)).until(() -> "chooseMethod".equals(api.get(flow).stepKey()));
        }
        assertThat(JOBS.lines(Level.WARN)).as("one line each, no stack trace, and the same for both").hasSize(2).allSatisfy(line -> {
            assertThat(line.message()).contains("The on-premises directory could not look up ");
            assertThat(line.hasStackTrace()).isFalse();
        });
    }

    @Test
    void anUnknownUsernameTakesAboutAsLongAsAKnownOne() {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            known.add(timeStart("alice"));
            unknown.add(timeStart("nobody-" + round));
        }
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        assertThat(Math.abs(knownMedian - unknownMedian)).as("median start times %d ms and %d ms", knownMedian, unknownMedian)
                .isLessThan(100);
    }

    private long timeStart(String username) {
        long start = System.nanoTime();
        assertThat(api.start("resets", username).status()).isEqualTo(201);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
