package org.resetflow.camunda;

import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/** The API's native look-ups on H2, the embedded database. */
class JourneyLookupsH2Test extends JourneyLookupsContract {

    @Override
    protected StandaloneProcessEngineConfiguration database() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:lookups-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return configuration;
    }
}
