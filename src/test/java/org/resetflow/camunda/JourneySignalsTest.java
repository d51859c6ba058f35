package org.resetflow.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signals on an engine whose transactions Spring manages, as in the application: a watch hears of a journey
 * only after the engine's transaction committed, and a watch opened after the commit finds the new state itself.
 */
class JourneySignalsTest {

    private static final Duration NOW = Duration.ZERO;
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    private static final JourneySignals signals = new JourneySignals();
    private static ProcessEngine engine;
    private static TransactionTemplate transaction;

    private final String flowId = UUID.randomUUID().toString();

    @BeforeAll
    static void engine() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:journey-signals;DB_CLOSE_DELAY=-1", "sa", "");
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        SpringTransactionsProcessEngineConfiguration configuration = new SpringTransactionsProcessEngineConfiguration();
        configuration.setProcessEngineName("journey-signals");
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactionManager);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setJobExecutorActivate(false);
        // as in the application (JobFailureLog): a failed command's exception goes to its caller, here the test
        configuration.setEnableCmdExceptionLogging(false);
        configuration.setProcessEnginePlugins(List.of(signals));
        engine = configuration.buildProcessEngine();
        transaction = new TransactionTemplate(transactionManager);
        engine.getRepositoryService().createDeployment()
                .addModelInstance("oneStep.bpmn", Bpmn.createExecutableProcess("oneStep").startEvent().userTask("step").endEvent().done())
                .addModelInstance("calling.bpmn", Bpmn.createExecutableProcess("calling").startEvent()
                        .callActivity("call").calledElement("oneStep").camundaInBusinessKey("#{execution.processBusinessKey}")
                        .endEvent().done())
                .addModelInstance("terminating.bpmn", terminating())
                .addModelInstance("busy.bpmn", Bpmn.createExecutableProcess("busy").startEvent()
                        .serviceTask("later").camundaAsyncBefore().camundaExpression("${true}").userTask("step").endEvent().done())
                .addModelInstance("failing.bpmn", Bpmn.createExecutableProcess("failing").startEvent()
                        .serviceTask("broken").camundaAsyncBefore().camundaExpression("${noSuchBean.call()}").endEvent().done())
                .addModelInstance("deciding.bpmn", Bpmn.createExecutableProcess("deciding").startEvent()
                        .serviceTask("decide").camundaExpression("${execution.setVariable('outcome', 'COMPLETED')}")
                        .serviceTask("notify").camundaAsyncBefore().camundaExpression("${true}").endEvent().done())
                .deploy();
    }

    private static BpmnModelInstance terminating() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("terminating").startEvent().parallelGateway("fork")
                .userTask("step").endEvent("done")
                .moveToNode("fork").userTask("other").endEvent().done();
        model.<org.camunda.bpm.model.bpmn.instance.EndEvent>getModelElementById("done")
                .addChildElement(model.newInstance(org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition.class));
        return model;
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @AfterEach
    void noWatchIsLeftBehind() {
        assertThat(signals.watchedJourneys()).isZero();
    }

    @Test
    void aWatchOpenedBeforeTheTransactionHearsOfTheNewTaskOnlyAfterTheCommit() throws Exception {
        try (JourneySignals.Watch watch = signals.watch(flowId)) {
            transaction.executeWithoutResult(status -> {
                engine.getRuntimeService().startProcessInstanceByKey("oneStep", flowId);
                assertThat(awaitQuietly(watch, NOW)).as("not before the commit").isFalse();
            });
            assertThat(watch.await(AT_ONCE)).isTrue();
            assertThat(watch.await(NOW)).as("one signal wakes one wait").isFalse();
        }
    }

    @Test
    void aWatchOpenedAfterTheCommitHearsNothingButFindsTheNewState() throws Exception {
        engine.getRuntimeService().startProcessInstanceByKey("oneStep", flowId);
        try (JourneySignals.Watch watch = signals.watch(flowId)) {
            assertThat(watch.await(NOW)).isFalse();
            assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(flowId).count()).isOne();
        }
    }

    @Test
    void aRolledBackTransactionSignalsNothing() throws Exception {
        try (JourneySignals.Watch watch = signals.watch(flowId)) {
            transaction.executeWithoutResult(status -> {
                engine.getRuntimeService().startProcessInstanceByKey("oneStep", flowId);
                status.setRollbackOnly();
            });
            assertThat(watch.await(NOW)).isFalse();
        }
    }

    @Test
    void onlyTheWatchesOfTheJourneyAreWoken() throws Exception {
        try (JourneySignals.Watch mine = signals.watch(flowId); JourneySignals.Watch again = signals.watch(flowId);
             JourneySignals.Watch other = signals.watch(UUID.randomUUID().toString())) {
            engine.getRuntimeService().startProcessInstanceByKey("oneStep", flowId);
            assertThat(mine.await(AT_ONCE)).isTrue();
            assertThat(again.await(AT_ONCE)).isTrue();
            assertThat(other.await(NOW)).isFalse();
        }
    }

    @Test
    void aCalledProcessSignalsUnderTheBusinessKeyItWasGivenAndTheEndOfTheJourneyIsHeard() throws Exception {
        try (JourneySignals.Watch watch = signals.watch(flowId)) {
            engine.getRuntimeService().startProcessInstanceByKey("calling", flowId);
            assertThat(watch.await(AT_ONCE)).as("the called process's task").isTrue();

            String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(flowId).singleResult().getId();
            engine.getTaskService().complete(task);
            assertThat(watch.await(AT_ONCE)).as("both processes ended").isTrue();
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(flowId).count()).isZero();
        }
    }

    @Test
    void aTerminateEndEventIsAnEndToo() throws Exception {
        engine.getRuntimeService().startProcessInstanceByKey("terminating", flowId);
        String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(flowId).taskDefinitionKey("step").singleResult().getId();
        try (JourneySignals.Watch watch = signals.watch(flowId)) {
            engine.getTaskService().complete(task);
            assertThat(watch.await(AT_ONCE)).isTrue();
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(flowId).count()).isZero();
        }
    }

    @Test
    void aCommitThatOnlyLeavesAJobSignalsNothingAndTheJobsTaskDoes() throws Exception {
        try (JourneySignals.Watch watch = signals.watch(flowId)) {
            engine.getRuntimeService().startProcessInstanceByKey("busy", flowId);
            assertThat(watch.await(NOW)).isFalse();

            engine.getManagementService().executeJob(job().getId());
            assertThat(watch.await(AT_ONCE)).isTrue();
        }
    }

    @Test
    void aFailedJobIsHeardOnceItsFailureIsRecorded() throws Exception {
        try (JourneySignals.Watch watch = signals.watch(flowId)) {
            engine.getRuntimeService().startProcessInstanceByKey("failing", flowId);
            assertThat(watch.await(NOW)).isFalse();

            String jobId = job().getId();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).hasMessageContaining("noSuchBean");
            assertThat(watch.await(AT_ONCE)).isTrue();
            assertThat(job().getExceptionMessage()).contains("noSuchBean");
        }
    }

    @Test
    void settingTheOutcomeIsHeardThoughTheJourneyGoesOnInTheBackground() throws Exception {
        try (JourneySignals.Watch watch = signals.watch(flowId)) {
            engine.getRuntimeService().startProcessInstanceByKey("deciding", flowId);
            assertThat(watch.await(AT_ONCE)).isTrue();
            assertThat(job()).as("the notification still waits").isNotNull();
        }
    }

    private Job job() {
        return engine.getManagementService().createJobQuery().processInstanceId(
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(flowId).singleResult().getId()).singleResult();
    }

    private static boolean awaitQuietly(JourneySignals.Watch watch, Duration timeout) {
        try {
            return watch.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
