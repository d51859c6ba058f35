package org.resetflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.secret.SecretVault;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

class EscalationHandoversTest {

    static final String JOURNEY = "4f6c2a10-0000-4000-8000-000000000001";

    final HistoryService history = mock(HistoryService.class);
    final TemporaryPasswords temporaryPasswords = new TemporaryPasswords(TemporaryPasswordsTest.DEFAULT_POLICY,
            new SecretVault(JdbcClient.create(TestDatabases.migratedH2()),
                    new ServerSecret(new SecurityProperties("a-test-secret-that-is-long-enough-0123456789", null)), Clock.systemUTC()));
    final EscalationHandovers handovers = new EscalationHandovers(temporaryPasswords, history);

    final Map<String, HistoricProcessInstance> instances = new HashMap<>();
    final Map<String, Object> variables = new HashMap<>(Map.of("username", "carol", "decidedBy", "demo"));
    /** The process instances the username was read from. */
    final List<String> usernameReadFrom = new ArrayList<>();

    /** A refused handover is logged as a warning, on purpose; here it is expected. */
    @RegisterExtension
    final ExpectedLog log = ExpectedLog.of(EscalationHandovers.class);

    @BeforeEach
    void anApprovedEscalationInTheHistory() {
        instances.put(JOURNEY, instance("flow-1", null));
        when(history.createHistoricProcessInstanceQuery()).thenAnswer(call -> {
            HistoricProcessInstanceQuery query = mock(HistoricProcessInstanceQuery.class, RETURNS_SELF);
            String[] id = new String[1];
            when(query.processInstanceId(anyString())).thenAnswer(byId -> {
                id[0] = byId.getArgument(0);
                return query;
            });
            when(query.singleResult()).thenAnswer(result -> instances.get(id[0]));
            return query;
        });
        when(history.createHistoricVariableInstanceQuery()).thenAnswer(call -> {
            HistoricVariableInstanceQuery query = mock(HistoricVariableInstanceQuery.class, RETURNS_SELF);
            String[] name = new String[1];
            String[] instance = new String[1];
            when(query.processInstanceId(anyString())).thenAnswer(byInstance -> {
                instance[0] = byInstance.getArgument(0);
                return query;
            });
            when(query.variableName(anyString())).thenAnswer(byName -> {
                name[0] = byName.getArgument(0);
                return query;
            });
            when(query.singleResult()).thenAnswer(result -> {
                if ("username".equals(name[0])) {
                    usernameReadFrom.add(instance[0]);
                }
                return variable(variables.get(name[0]));
            });
            return query;
        });
    }

    static HistoricProcessInstance instance(String businessKey, String superProcessInstanceId) {
        HistoricProcessInstance instance = mock(HistoricProcessInstance.class);
        when(instance.getBusinessKey()).thenReturn(businessKey);
        when(instance.getSuperProcessInstanceId()).thenReturn(superProcessInstanceId);
        when(instance.getRootProcessInstanceId()).thenReturn(superProcessInstanceId);
        return instance;
    }

    static HistoricVariableInstance variable(Object value) {
        if (value == null) {
            return null;
        }
        HistoricVariableInstance variable = mock(HistoricVariableInstance.class);
        when(variable.getValue()).thenReturn(value);
        return variable;
    }

    @Test
    void theApproverCollectsTheTemporaryPasswordOnce() {
        temporaryPasswords.keepForHandover(JOURNEY, "Kettle-Mauve-42x");

        EscalationHandovers.Outcome first = handovers.collect(JOURNEY, "demo", false);
        EscalationHandovers.Outcome second = handovers.collect(JOURNEY, "demo", false);

        assertThat(first.refusal()).isNull();
        assertThat(first.temporaryPassword()).isEqualTo("Kettle-Mauve-42x");
        assertThat(first.escalation()).isEqualTo(new EscalationHandovers.Escalation(JOURNEY, "flow-1", "carol", "demo", true));
        assertThat(second.refusal()).isEqualTo(EscalationHandovers.Refusal.NOTHING_WAITING);
        assertThat(second.temporaryPassword()).isNull();
    }

    @Test
    void anotherHelpdeskMemberMayNotCollectItAndItStaysWaiting() {
        temporaryPasswords.keepForHandover(JOURNEY, "Kettle-Mauve-42x");

        EscalationHandovers.Outcome outcome = handovers.collect(JOURNEY, "mallory", false);

        assertThat(outcome.refusal()).isEqualTo(EscalationHandovers.Refusal.NOT_YOURS);
        assertThat(outcome.temporaryPassword()).isNull();
        assertThat(temporaryPasswords.isWaiting(JOURNEY)).isTrue();
        assertThat(log.lines()).extracting(ExpectedLog.Line::message).as("one line for the operators, without the password")
                .containsExactly("mallory asked for the temporary password of journey flow-1, approved by demo: refused");
    }

    @Test
    void aResetFlowAdministratorMayCollectWhatAnotherApproved() {
        temporaryPasswords.keepForHandover(JOURNEY, "Kettle-Mauve-42x");

        assertThat(handovers.collect(JOURNEY, "root", true).temporaryPassword()).isEqualTo("Kettle-Mauve-42x");
    }

    @Test
    void anEscalationNobodyDecidedIsNobodysToCollect() {
        variables.remove("decidedBy");
        temporaryPasswords.keepForHandover(JOURNEY, "Kettle-Mauve-42x");

        assertThat(handovers.collect(JOURNEY, "demo", false).refusal()).isEqualTo(EscalationHandovers.Refusal.NOT_YOURS);
    }

    @Test
    void theEscalationsOwnInstanceIsFoundWithTheUserOfTheJourneyThatCalledIt() {
        instances.put("escalation-1", instance("flow-1", JOURNEY));

        assertThat(handovers.find("escalation-1")).hasValueSatisfying(escalation -> {
            assertThat(escalation.processInstanceId()).isEqualTo("escalation-1");
            assertThat(escalation.flowId()).isEqualTo("flow-1");
            assertThat(escalation.username()).isEqualTo("carol");
        });
        assertThat(usernameReadFrom).containsExactly(JOURNEY);
    }

    @Test
    void anUnknownOrOverlongIdIsNotFound() {
        assertThat(handovers.find("no-such-instance")).isEmpty();
        assertThat(handovers.find(null)).isEmpty();
        assertThat(handovers.find("x".repeat(65))).isEmpty();
        assertThat(handovers.collect("no-such-instance", "demo", true).refusal()).isEqualTo(EscalationHandovers.Refusal.NOT_FOUND);
    }

    @Test
    void findingTellsWhetherAPasswordWaitsWithoutUsingItUp() {
        assertThat(handovers.find(JOURNEY)).hasValueSatisfying(escalation -> assertThat(escalation.waiting()).isFalse());

        temporaryPasswords.keepForHandover(JOURNEY, "Kettle-Mauve-42x");

        assertThat(handovers.find(JOURNEY)).hasValueSatisfying(escalation -> assertThat(escalation.waiting()).isTrue());
        assertThat(temporaryPasswords.isWaiting(JOURNEY)).isTrue();
    }
}
