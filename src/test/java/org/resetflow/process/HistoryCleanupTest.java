package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** The history of a journey stays as long as its model says (180 days), and history clean-up removes it afterwards. */
@Deployment(resources = {"processes/password-reset.bpmn", "processes/account-check.bpmn", "processes/helpdesk-escalation.bpmn", "processes/identity-proof.bpmn", "processes/directory-write-failing.bpmn", "processes/account-unlock.bpmn", "processes/recovery-registration.bpmn", "processes/identity-verification.bpmn", "processes/code-verification.bpmn", "processes/code-delivery.bpmn", "processes/eligibility.dmn",
        "forms/answerQuestions.form", "forms/chooseMethod.form", "forms/chooseQuestions.form", "forms/confirmPassword.form", "forms/directoryWriteFailing.form", "forms/enterCode.form", "forms/enterContacts.form", "forms/escalation.form", "forms/setPassword.form",
        "forms/enterAuthenticatorCode.form", "forms/setUpAuthenticatorApp.form"})
class HistoryCleanupTest extends ProcessTest {

    static final int TIME_TO_LIVE_DAYS = 180;

    @Test
    void everyModelAndDecisionKeepsItsHistoryFor180Days() {
        assertThat(repositoryService().createProcessDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(definition -> assertThat(((ProcessDefinition) definition).getHistoryTimeToLive()).as(definition.getKey())
                        .isEqualTo(TIME_TO_LIVE_DAYS));
        assertThat(repositoryService().createDecisionDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(definition -> assertThat(((DecisionDefinition) definition).getHistoryTimeToLive()).as(definition.getKey())
                        .isEqualTo(TIME_TO_LIVE_DAYS));
    }

    @Test
    void aFinishedJourneysHistoryIsRemovedOnceItsTimeToLiveHasPassed() {
        doubles.identitySource = "synced";
        doubles.writebackEnabled = false;
        ProcessInstance refused = start("passwordReset", "reset", "alice");
        assertThat(refused).isEnded();
        HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery().processInstanceId(refused.getId()).singleResult();
        assertThat(history.getRemovalTime()).as("removal time set at the end")
                .isCloseTo(Date.from(history.getEndTime().toInstant().plus(Duration.ofDays(TIME_TO_LIVE_DAYS))), 60_000);

        try {
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(TIME_TO_LIVE_DAYS - 1))));
            managementService().executeJob(historyService().cleanUpHistoryAsync(true).getId());
            assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(refused.getId()).count())
                    .as("kept within its time to live").isEqualTo(1);

            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(TIME_TO_LIVE_DAYS + 1))));
            managementService().executeJob(historyService().cleanUpHistoryAsync(true).getId());
            assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(refused.getId()).count()).isZero();
            assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(refused.getId()).count()).isZero();
            assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(refused.getId()).count()).isZero();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aCodesDeliveryIsNoPartOfTheJourneysTreeAndKeepsItsHistoryAsLongAfterItsOwnEnd() {
        ProcessInstance reset = start("passwordReset", "reset", "alice");
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        ProcessInstance delivery = calledInstance(reset, "codeDelivery");
        assertThat(delivery).isEnded();
        HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery().processInstanceId(delivery.getId()).singleResult();
        assertThat(history.getRemovalTime()).as("removal time set at its own end, while the journey still runs")
                .isCloseTo(Date.from(history.getEndTime().toInstant().plus(Duration.ofDays(TIME_TO_LIVE_DAYS))), 60_000);

        try {
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(TIME_TO_LIVE_DAYS + 1))));
            managementService().executeJob(historyService().cleanUpHistoryAsync(true).getId());
            assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(delivery.getId()).count()).isZero();
            assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(delivery.getId()).count()).isZero();
            assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(reset.getId()).count())
                    .as("the running journey's history stays").isEqualTo(1);
        } finally {
            ClockUtil.reset();
        }
    }
}
