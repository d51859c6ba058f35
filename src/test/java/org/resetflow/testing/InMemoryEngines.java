package org.resetflow.testing;

import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/** A bare Camunda engine on a fresh in-memory H2 database, without a job executor, for tests of one piece of the seam. */
public final class InMemoryEngines {

    private InMemoryEngines() {
    }

    /** The configuration, not yet built; {@code buildProcessEngine()} starts it. */
    public static StandaloneInMemProcessEngineConfiguration configuration(String name) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName(name + "-" + UUID.randomUUID());
        return configuration;
    }
}
