package org.resetflow.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Adds handlers of the engine's history events from a process engine plugin's {@code preInit}. They are not beans
 * of their own: Camunda's Spring Boot starter would register a {@code HistoryEventHandler} bean a second time.
 */
public final class HistoryEventHandlers {

    private HistoryEventHandlers() {
    }

    /** Hands every history event to {@code handler}, beside the database's history. */
    public static void add(ProcessEngineConfigurationImpl configuration, Consumer<HistoryEvent> handler) {
        register(configuration, false, new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                handler.accept(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(handler);
            }
        });
    }

    /** Puts {@code handler} before every other custom one: the handler that writes the database's history. */
    static void addFirst(ProcessEngineConfigurationImpl configuration, HistoryEventHandler handler) {
        register(configuration, true, handler);
    }

    private static void register(ProcessEngineConfigurationImpl configuration, boolean first, HistoryEventHandler handler) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(first ? 0 : handlers.size(), handler);
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
