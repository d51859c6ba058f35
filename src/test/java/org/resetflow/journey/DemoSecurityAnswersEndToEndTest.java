package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.camunda.EngineCommands;
import org.resetflow.recoveryinfo.HashingQueue;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.recoveryinfo.SecurityAnswers;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.HashingQueues;
import org.resetflow.testing.JourneyApi;
import org.resetflow.throttling.ProofThrottle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Security answers over HTTP: answers hashed with the old parameters still verify and are hashed again; a full
 * hashing queue answers "try again" (503) without counting anything, and the journey goes on afterwards; the verdict
 * on the answers is the server's alone; and the engine's command never waits for a hash.
 */
@Order(DemoJourneys.SECURITY_ANSWERS)
class DemoSecurityAnswersEndToEndTest extends DemoJourneys {

    /** alice's answers by the question's label, as the README gives them. */
    private static final Map<String, String> ALICE = Map.of("What was the name of your first pet?", "Rex",
            "In which city were you born?", "Springfield", "What was the name of your first school?", "Lincoln Elementary");
    /** alice's demo answers as a demo database seeded before OWASP's parameters holds them (m=16 MiB, t=2, p=1). */
    private static final Map<String, String> ALICE_BEFORE = Map.of(
            "first-pet", "$argon2id$v=19$m=16384,t=2,p=1$EZFPjErXtIsfLWSw5tnODQ$KoPuDXhl0uMhgKb8SM9uhtSaZnusyVNO8odtDNhOh9M",
            "birth-city", "$argon2id$v=19$m=16384,t=2,p=1$6Nz9WfziQbKlVtIuhWIEfQ$Ud5pxjjunErVSqWNwlaZJkr6oxaOJ8KUEvkz/ZFxRzU",
            "first-school", "$argon2id$v=19$m=16384,t=2,p=1$cnM6pf4YXc3EGl0zRL0DGw$MuyglUNR9OANX3wzJgCslrDXCF8lnt0zdYaTtDU7dLA");
    private static final String WRONG = "Shelbyville";

    @Autowired
    HashingQueue queue;

    @Autowired
    SecurityAnswers answers;

    @Autowired
    RecoveryRegistrations registrations;

    @Autowired
    ProofThrottle throttle;

    @Autowired
    EngineCommands commands;

    /** alice's reset, at the step that asks her questions. */
    private JourneyApi.Flow aliceAtHerQuestions() {
        SECRETS.addAll(List.of("Rex", "Springfield", "Lincoln Elementary", WRONG));
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        assertThat(choose(flow, "QUESTIONS", null).stepKey()).isEqualTo("answerQuestions");
        return flow;
    }

    /** The answers to the questions the step asks, right or with the last one wrong. */
    private Map<String, String> answers(JourneyApi.Flow flow, boolean right) {
        Map<String, String> values = new HashMap<>();
        JsonNode components = api.get(flow).body().path("step").path("form").path("components");
        for (JsonNode component : components) {
            if (component.has("key")) {
                values.put(component.path("key").asText(), ALICE.get(component.path("label").asText()));
            }
        }
        assertThat(values).hasSize(3).doesNotContainValue(null);
        if (!right) {
            values.put("answer3", WRONG);
        }
        return values;
    }

    @Test
    @Order(1)
    void answersHashedWithTheOldParametersStillVerifyAndAreHashedAgainWithTheNewOnes() {
        registrations.replaceAnswers("alice", ALICE_BEFORE);
        JourneyApi.Flow flow = aliceAtHerQuestions();

        JourneyApi.Response passwordStep = api.submit(flow, "answerQuestions", answers(flow, true));

        assertThat(passwordStep.stepKey()).isEqualTo("setPassword");
        await().atMost(Duration.ofSeconds(60)).until(() -> registrations.find("alice").answerHashes().values().stream().allMatch(answers::isCurrent));
        Map<String, String> stored = registrations.find("alice").answerHashes();
        assertThat(stored).containsOnlyKeys(ALICE_BEFORE.keySet());
        assertThat(answers.matches("rex", stored.get("first-pet"))).isTrue();
        assertThat(answers.matches("springfield", stored.get("birth-city"))).isTrue();
        assertThat(answers.matches("lincoln elementary", stored.get("first-school"))).isTrue();
        setPassword(flow, "alice");
    }

    @Test
    @Order(2)
    void aFullHashingQueueAnswersTryAgainCountsNothingAndTheJourneyGoesOnAfterwards() throws Exception {
        JourneyApi.Flow flow = aliceAtHerQuestions();
        int failuresBefore = throttle.recentFailures("alice");
        CountDownLatch release = new CountDownLatch(1);
        // the refusals are logged for the operators; here they are expected
        try (ExpectedLog refusals = ExpectedLog.capture(HashingQueue.class.getName())) {
            HashingQueues.fill(queue, release);

            JourneyApi.Response busy = api.submit(flow, "answerQuestions", answers(flow, true));
            JourneyApi.Response busyAndWrong = api.submit(flow, "answerQuestions", answers(flow, false));

            for (JourneyApi.Response refused : List.of(busy, busyAndWrong)) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(refused.raw().headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                        assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
                assertThat(refused.field("type")).isEqualTo("https://resetflow.org/problems/try-again");
                assertThat(refused.field("title")).isEqualTo("Try again in a moment");
                assertThat(refused.field("detail")).contains("Nothing was changed", "did not count");
                assertThat(refused.body().path("status").asInt()).isEqualTo(503);
            }
            JourneyApi.Response meanwhile = api.get(flow);
            assertThat(meanwhile.field("status")).isEqualTo("ACTIVE");
            assertThat(meanwhile.stepKey()).as("nothing of the journey lost").isEqualTo("answerQuestions");
            assertThat(meanwhile.body().path("errors")).isEmpty();
            assertThat(throttle.recentFailures("alice")).as("a refused attempt is no failed proof").isEqualTo(failuresBefore);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.waiting() == 0);

        JourneyApi.Response passwordStep = api.submit(flow, "answerQuestions", answers(flow, true));

        assertThat(passwordStep.status()).isEqualTo(200);
        assertThat(passwordStep.stepKey()).isEqualTo("setPassword");
        setPassword(flow, "alice");
    }

    @Test
    @Order(3)
    void aClientCannotSendTheVerdictOnItsAnswers() {
        JourneyApi.Flow flow = aliceAtHerQuestions();
        int failuresBefore = throttle.recentFailures("alice");
        Map<String, Object> forged = new HashMap<>(answers(flow, false));
        forged.put("answerVerdict", "RIGHT");

        JourneyApi.Response refused = api.submit(flow, "answerQuestions", forged);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.field("type")).isEqualTo("https://resetflow.org/problems/invalid-input");
        assertThat(refused.body().path("errors").findValuesAsText("field")).contains("answerVerdict");
        assertThat(refused.body().path("errors").findValuesAsText("code")).contains("UNKNOWN_FIELD");
        assertThat(api.get(flow).stepKey()).isEqualTo("answerQuestions");
        assertThat(throttle.recentFailures("alice")).isEqualTo(failuresBefore);

        assertThat(api.submit(flow, "answerQuestions", answers(flow, true)).stepKey()).isEqualTo("setPassword");
        setPassword(flow, "alice");
    }

    @Test
    @Order(4)
    void theEngineCommandNeverWaitsForAHash() {
        // should the engine log the failed command, that is expected here
        try (ExpectedLog failed = ExpectedLog.capture("org.camunda.bpm.engine.context")) {
            assertThatThrownBy(() -> commands.inOneCommand(() -> answers.matches("Rex", answers.decoyHash())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("outside database transactions");
        }
    }
}
