package org.resetflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.resetflow.engine.StepPreparation;
import org.resetflow.engine.Vars;
import org.resetflow.recoveryinfo.HashingQueue;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.recoveryinfo.SecurityAnswers;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;

/** New answers are hashed before the engine command; "Save the recovery information" takes only the hashes this server made. */
class AnswerHashingTest {

    private static final KeyedHasher HASHER = new KeyedHasher(new ServerSecret(new SecurityProperties("a-test-secret-that-is-long-enough-0123456789", null)));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RegistrationProperties PROPERTIES = new RegistrationProperties(3, 180,
            List.of("first-pet", "birth-city", "first-school", "first-car"));
    private static final Map<String, Object> CHOSEN = Map.of("question1", "first-pet", "answer1", "Whiskers",
            "question2", "birth-city", "answer2", "Portland", "question3", "first-car", "answer3", "Beetle");

    private final SecurityAnswers answers = spy(new SecurityAnswers());
    private final AnswerHashing hashing = new AnswerHashing(answers, PROPERTIES, HASHER, JSON);
    private final RecoveryRegistrations registrations = mock(RecoveryRegistrations.class);
    private final SaveRegistrationDelegate save = new SaveRegistrationDelegate(registrations, PROPERTIES, HASHER, JSON);

    private static StepPreparation.Step step(Map<String, Object> values) {
        return new StepPreparation.Step() {
            @Override
            public Object input(String key) {
                return values.get(key);
            }

            @Override
            public Object variable(String name) {
                return null;
            }

            @Override
            public Object journeyFact(String name) {
                return null;
            }

            @Override
            public String processInstanceId() {
                return "pi-1";
            }
        };
    }

    private static DelegateExecution execution(Map<String, Object> values, Object hashes) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
        values.forEach((name, value) -> when(execution.getVariable(name)).thenReturn(value));
        when(execution.getVariable(RegistrationVariables.ANSWER_HASHES)).thenReturn(hashes);
        when(execution.getVariable(Vars.ACCOUNT_KEY)).thenReturn("erin");
        return execution;
    }

    @Test
    void theNewAnswersAreHashedAndSavedAsTheirHashesOnly() {
        Map<String, String> values = hashing.prepare(step(CHOSEN)).run();

        String stamped = values.get(RegistrationVariables.ANSWER_HASHES);
        assertThat(stamped).doesNotContainIgnoringCase("whiskers").doesNotContainIgnoringCase("portland");
        Map<String, String> hashes = AnswerHashing.hashes(HASHER, JSON, "pi-1", stamped).orElseThrow();
        assertThat(hashes).containsOnlyKeys("first-pet", "birth-city", "first-car");
        assertThat(answers.matches("whiskers", hashes.get("first-pet"))).isTrue();
        assertThat(answers.isCurrent(hashes.get("first-car"))).isTrue();
        assertThat(AnswerHashing.hashes(HASHER, JSON, "pi-2", stamped)).as("another registration's step").isEmpty();

        save.execute(execution(CHOSEN, stamped));

        verify(registrations).replaceAnswers("erin", hashes);
    }

    @Test
    void answersThatCannotBeRegisteredAreNotHashedAndGoBackWithTheirErrors() {
        Map<String, Object> twice = Map.of("question1", "first-pet", "answer1", "same", "question2", "birth-city", "answer2", "Same",
                "question3", "first-car", "answer3", "Beetle");

        assertThat(hashing.prepare(step(twice)).run()).isEmpty();
        verify(answers, never()).hashAll(anyMap());

        DelegateExecution execution = execution(twice, null);
        assertThatThrownBy(() -> save.execute(execution)).isInstanceOf(BpmnError.class);
        ArgumentCaptor<Object> errors = ArgumentCaptor.forClass(Object.class);
        verify(execution).setVariable(eq(Vars.PENDING_FIELD_ERRORS), errors.capture());
        assertThat(errors.getValue().toString()).contains("answer2=ANSWER_DUPLICATE");
        verifyNoInteractions(registrations);
    }

    @Test
    void hashesTheServerDidNotMakeAreRefusedAndNothingIsSaved() {
        String otherStep = HASHER.stamp("answer-hashes:pi-2", "{\"first-pet\":\"h\",\"birth-city\":\"h\",\"first-car\":\"h\"}");
        String fewer = HASHER.stamp("answer-hashes:pi-1", "{\"first-pet\":\"h\"}");
        for (Object forged : new Object[] {null, "{\"first-pet\":\"h\",\"birth-city\":\"h\",\"first-car\":\"h\"}", otherStep, fewer}) {
            assertThatThrownBy(() -> save.execute(execution(CHOSEN, forged))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("answerHashing");
        }
        verifyNoInteractions(registrations);
    }

    @Test
    void aFullHashingQueueRefusesTheAnswersBeforeAnythingIsSaved() {
        doThrow(new HashingQueue.Busy(Duration.ofSeconds(2))).when(answers).hashAll(anyMap());

        StepPreparation.Work work = hashing.prepare(step(CHOSEN));

        assertThatThrownBy(work::run).isInstanceOfSatisfying(StepPreparation.Busy.class,
                busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        verifyNoInteractions(registrations);
    }
}
