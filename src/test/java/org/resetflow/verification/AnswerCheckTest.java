package org.resetflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.resetflow.engine.StepPreparation;
import org.resetflow.recoveryinfo.HashingQueue;
import org.resetflow.recoveryinfo.RecoveryInfo;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.recoveryinfo.SecurityAnswers;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;

/** The answers are checked before the engine command, into a verdict only this server can make. */
class AnswerCheckTest {

    static final KeyedHasher HASHER = new KeyedHasher(new ServerSecret(new SecurityProperties("a-test-secret-that-is-long-enough-0123456789", null)));
    static final String QUESTIONS = "first-pet,birth-city,first-school";
    /** alice's demo answers as they were hashed before OWASP's parameters (m=16 MiB): Rex, Springfield, Lincoln Elementary. */
    static final Map<String, String> ALICE_BEFORE = Map.of(
            "first-pet", "$argon2id$v=19$m=16384,t=2,p=1$EZFPjErXtIsfLWSw5tnODQ$KoPuDXhl0uMhgKb8SM9uhtSaZnusyVNO8odtDNhOh9M",
            "birth-city", "$argon2id$v=19$m=16384,t=2,p=1$6Nz9WfziQbKlVtIuhWIEfQ$Ud5pxjjunErVSqWNwlaZJkr6oxaOJ8KUEvkz/ZFxRzU",
            "first-school", "$argon2id$v=19$m=16384,t=2,p=1$cnM6pf4YXc3EGl0zRL0DGw$MuyglUNR9OANX3wzJgCslrDXCF8lnt0zdYaTtDU7dLA");

    private final RecoveryRegistrations registrations = mock(RecoveryRegistrations.class);
    private final SecurityAnswers answers = spy(new SecurityAnswers());
    private final AnswerCheck check = new AnswerCheck(new SecurityQuestions(registrations, answers, mock(RegistrationProperties.class),
            mock(VerificationProperties.class), HASHER), HASHER);

    AnswerCheckTest() {
        when(registrations.find("alice")).thenReturn(new RecoveryInfo("alice.alt@example.org", null, ALICE_BEFORE, null));
        when(registrations.find("nobody")).thenReturn(RecoveryInfo.NONE);
    }

    /** The answerQuestions step of alice's (or a decoy's) identity verification in process instance {@code pi-1}. */
    static StepPreparation.Step step(String accountKey, boolean decoy, String... typed) {
        return new StepPreparation.Step() {
            @Override
            public Object input(String key) {
                int n = Integer.parseInt(key.substring("answer".length()));
                return n <= typed.length ? typed[n - 1] : null;
            }

            @Override
            public Object variable(String name) {
                return VerificationVariables.QUESTION_IDS.equals(name) ? QUESTIONS : null;
            }

            @Override
            public Object journeyFact(String name) {
                return switch (name) {
                    case "accountKey" -> accountKey;
                    case "decoy" -> decoy;
                    default -> null;
                };
            }

            @Override
            public String processInstanceId() {
                return "pi-1";
            }
        };
    }

    private static String verdict(Map<String, String> values, String processInstanceId, String questions) {
        return HASHER.unstamped(AnswerCheck.verdictContext(processInstanceId, questions), values.get(VerificationVariables.ANSWER_VERDICT))
                .orElse("no verdict");
    }

    @Test
    void rightAnswersGetAVerdictThatOpensOnlyForThisInstanceAndTheseQuestions() {
        Map<String, String> values = check.prepare(step("alice", false, " rex ", "SPRINGFIELD", "lincoln   elementary")).run();

        assertThat(values).containsOnlyKeys(VerificationVariables.ANSWER_VERDICT);
        assertThat(verdict(values, "pi-1", QUESTIONS)).isEqualTo(AnswerCheck.RIGHT);
        assertThat(verdict(values, "pi-2", QUESTIONS)).as("another journey's step").isEqualTo("no verdict");
        assertThat(verdict(values, "pi-1", "first-pet,birth-city,first-car")).as("other questions").isEqualTo("no verdict");
        assertThat(values.get(VerificationVariables.ANSWER_VERDICT)).doesNotContainIgnoringCase("rex").doesNotContainIgnoringCase("springfield");
    }

    @Test
    void oneWrongAnswerMakesTheVerdictWrongAndEveryAnswerIsChecked() {
        Map<String, String> values = check.prepare(step("alice", false, "Rex", "Shelbyville", "Lincoln Elementary")).run();

        assertThat(verdict(values, "pi-1", QUESTIONS)).isEqualTo(AnswerCheck.WRONG);
        ArgumentCaptor<List<SecurityAnswers.Given>> checked = givenAnswers();
        verify(answers).matchAll(checked.capture());
        assertThat(checked.getValue()).hasSize(3).allMatch(given -> given.hash() != null);
    }

    @Test
    void aDecoysAnswersAreCheckedEachAgainstTheDecoyHashAndAreNeverRight() {
        // a refused account walks on as a decoy: its registered answers do not count
        Map<String, String> values = check.prepare(step("alice", true, "Rex", "Springfield", "Lincoln Elementary")).run();

        assertThat(verdict(values, "pi-1", QUESTIONS)).isEqualTo(AnswerCheck.WRONG);
        ArgumentCaptor<List<SecurityAnswers.Given>> checked = givenAnswers();
        verify(answers).matchAll(checked.capture());
        assertThat(checked.getValue()).as("three checks, each against the decoy hash").hasSize(3).allMatch(given -> given.hash() == null);
        verify(registrations).find("alice");
    }

    @Test
    void answersHashedWithTheOldParametersAreHashedAgainOnceTheGateIsPassed() {
        StepPreparation.Work work = check.prepare(step("alice", false, "Rex", "Springfield", "Lincoln Elementary"));
        assertThat(verdict(work.run(), "pi-1", QUESTIONS)).isEqualTo(AnswerCheck.RIGHT);
        verify(registrations, never()).rehashAnswer(any(), any(), any(), any());

        work.completed();

        for (String question : ALICE_BEFORE.keySet()) {
            verify(registrations, timeout(60_000)).rehashAnswer(eq("alice"), eq(question), eq(ALICE_BEFORE.get(question)),
                    argThat(answers::isCurrent));
        }
    }

    @Test
    void wrongAnswersAreNeverHashedAgain() {
        StepPreparation.Work work = check.prepare(step("alice", false, "Rex", "Springfield", "Jefferson High"));
        work.run();
        work.completed();

        verify(answers, never()).rehashLater(any(), any());
    }

    @Test
    void aFullHashingQueueRefusesTheAnswersBeforeAnythingCounts() {
        doThrow(new HashingQueue.Busy(Duration.ofSeconds(3))).when(answers).matchAll(any());

        StepPreparation.Work work = check.prepare(step("alice", false, "Rex", "Springfield", "Lincoln Elementary"));

        assertThatThrownBy(work::run).isInstanceOfSatisfying(StepPreparation.Busy.class,
                busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        verify(registrations, never()).rehashAnswer(any(), any(), any(), any());
    }

    @SuppressWarnings("unchecked")
    private static ArgumentCaptor<List<SecurityAnswers.Given>> givenAnswers() {
        return ArgumentCaptor.forClass(List.class);
    }
}
