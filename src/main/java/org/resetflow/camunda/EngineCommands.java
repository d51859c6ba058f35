package org.resetflow.camunda;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs several calls of the engine's services as one engine command, in one transaction: what they read (a task,
 * its execution, its variables) is loaded once into the command's cache and shared. The public services open a
 * command per call.
 */
@Component
public class EngineCommands {

    private final ObjectProvider<ProcessEngineConfigurationImpl> configuration;

    /** The engine's configuration is built after the beans that use this one. */
    EngineCommands(ObjectProvider<ProcessEngineConfigurationImpl> configuration) {
        this.configuration = configuration;
    }

    public <T> T inOneCommand(Supplier<T> work) {
        return configuration.getObject().getCommandExecutorTxRequired().execute(context -> work.get());
    }
}
