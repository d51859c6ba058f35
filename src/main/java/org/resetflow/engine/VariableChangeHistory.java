package org.resetflow.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Full history keeps every variable's final value ({@code ACT_HI_VARINST}) and, for each change, a detail row
 * ({@code ACT_HI_DETAIL}). A reset journey sets about sixty variables, most of them once, so the detail rows
 * mostly repeat the final values and cost a third of the journey's history writes. This writes the detail rows
 * only for the variables whose sequence of changes tells something ({@code resetflow.engine.variable-change-history}:
 * the methods chosen, those verified, the gates proven, the outcome); every other event of full history is
 * written as before, and the history level stays {@code full}.
 */
@Component
class VariableChangeHistory extends AbstractProcessEnginePlugin {

    static final String EVERY_VARIABLE = "*";

    private final Set<String> kept;

    VariableChangeHistory(EngineProperties engine) {
        this.kept = Set.copyOf(engine.variableChangeHistory());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (kept.contains(EVERY_VARIABLE)) {
            return;
        }
        HistoryEventHandlers.addFirst(configuration, new DbHistoryEventHandler() {
            @Override
            protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
                return super.shouldWriteHistoricDetail(event) && kept.contains(event.getVariableName());
            }
        });
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }
}
