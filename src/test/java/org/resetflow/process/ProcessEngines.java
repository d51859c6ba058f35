package org.resetflow.process;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.resetflow.camunda.DirectoryWriteIncidents;
import org.resetflow.camunda.ModelProperties;
import org.resetflow.camunda.StepConventions;

/**
 * One in-memory engine for the process tests: the models exactly as deployed, every delegate a test double
 * registered with {@code Mocks}, no job executor (the tests drive jobs and timers themselves).
 */
final class ProcessEngines {

    private static ProcessEngine engine;

    private ProcessEngines() {
    }

    static synchronized ProcessEngine engine() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1");
            configuration.setHistory("full");
            configuration.setJobExecutorActivate(false);
            // as in the application (camunda.JobFailureLog): a job that fails on purpose throws to the test that drives it,
            // which asserts what follows; the engine need not log each such failure as an ERROR with its stack trace
            configuration.setEnableCmdExceptionLogging(false);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.setProcessEnginePlugins(List.of(new StepConventions(), new ModelProperties(), new DirectoryWriteIncidents()));
            configuration.setProcessEngineName("process-tests");
            engine = configuration.buildProcessEngine();
        }
        return engine;
    }
}
