package org.resetflow.camunda;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the directory the engine's identity provider and the administrator group Camunda's administrators (Camunda
 * also always counts {@code camunda-admin} among them).
 */
@Component
class StaffIdentityPlugin extends AbstractProcessEnginePlugin {

    private final StaffAccounts directory;

    StaffIdentityPlugin(StaffAccounts directory) {
        this.directory = directory;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new DirectoryIdentityProvider(directory);
            }
        });
        List<String> administrators = new ArrayList<>(List.of(directory.administratorGroup()));
        configuration.setAdminGroups(administrators);
    }
}
