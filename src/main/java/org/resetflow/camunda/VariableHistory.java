package org.resetflow.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.resetflow.engine.EngineProperties;
import org.springframework.stereotype.Component;

/**
 * What full history keeps of the journeys' variables. The history level stays {@code full}: every journey, step,
 * decision, task and job is in the history, and so is every variable that says who, what, how and why. Three
 * kinds of variable writes are left out, because they cost most of a journey's history writes and say nothing
 * the history does not already hold:
 * <ul>
 *   <li>a detail row ({@code ACT_HI_DETAIL}) for each change, except for the variables whose sequence of changes
 *       tells something ({@code resetflow.engine.variable-change-history}: the methods chosen, those verified, the
 *       gates proven, the outcome);</li>
 *   <li>the copies a called process receives through its call activity's {@code camunda:in} mappings (the username,
 *       the account key, the locale, ...): the calling journey's history holds the originals
 *       ({@code resetflow.engine.called-process-copies-in-history}, false); likewise a called process's variables
 *       that its call activity copies back ({@code camunda:out source}, the account check's facts), whose copy the
 *       journey's history holds, unless their changes are kept (only the called process sees those);</li>
 *   <li>the journey's bookkeeping ({@code resetflow.engine.runtime-only-variables}: step numbers, form options,
 *       pending messages, the code's keyed hash and issue time), which matters only while the journey runs.</li>
 * </ul>
 * The names are decided per variable name and per called process, so a variable is either in the history from its
 * creation on, with every later change, or never.
 */
@Component
class VariableHistory extends AbstractProcessEnginePlugin {

    static final String EVERY_VARIABLE = "*";

    private final Set<String> changesKept;
    private final Set<String> runtimeOnly;
    private final boolean copiesKept;
    /** Called process key → the variables its callers pass down or copy back, from the deployed models' call activities. */
    private final Map<String, Set<String>> copiesByCalledProcess = new ConcurrentHashMap<>();

    VariableHistory(EngineProperties engine) {
        this.changesKept = Set.copyOf(engine.variableChangeHistory());
        this.runtimeOnly = Set.copyOf(engine.runtimeOnlyVariables());
        this.copiesKept = engine.calledProcessCopiesInHistory();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (changesKept.contains(EVERY_VARIABLE) && runtimeOnly.isEmpty() && copiesKept) {
            return;
        }
        if (!copiesKept) {
            List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                    ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
            listeners.add(new CallActivityCopies());
            configuration.setCustomPreBPMNParseListeners(listeners);
        }
        HistoryEventHandlers.addFirst(configuration, new DbHistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                if (event instanceof HistoricVariableUpdateEventEntity variable && !kept(variable)) {
                    return;
                }
                super.handleEvent(event);
            }

            @Override
            protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
                return super.shouldWriteHistoricDetail(event)
                        && (changesKept.contains(EVERY_VARIABLE) || changesKept.contains(event.getVariableName()));
            }
        });
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Whether the history keeps this variable at all. */
    boolean kept(HistoricVariableUpdateEventEntity variable) {
        String name = variable.getVariableName();
        if (runtimeOnly.contains(name)) {
            return false;
        }
        boolean called = variable.getRootProcessInstanceId() != null && variable.getProcessInstanceId() != null
                && !variable.getRootProcessInstanceId().equals(variable.getProcessInstanceId());
        return !called || copiesKept
                || !copiesByCalledProcess.getOrDefault(variable.getProcessDefinitionKey(), Set.of()).contains(name);
    }

    /** Notes, as each model is deployed, which variables its call activities pass down to (or copy back from) which process. */
    private final class CallActivityCopies extends AbstractBpmnParseListener {
        @Override
        public void parseCallActivity(Element callActivity, ScopeImpl scope, ActivityImpl activity) {
            String called = callActivity.attribute("calledElement");
            Element extensions = callActivity.element("extensionElements");
            if (called == null || called.contains("{") || extensions == null) {
                return;
            }
            for (Element in : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "in")) {
                String target = in.attribute("target");
                if (target != null && !target.isBlank()) {
                    copiesByCalledProcess.computeIfAbsent(called, key -> ConcurrentHashMap.newKeySet()).add(target);
                }
            }
            for (Element out : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "out")) {
                String source = out.attribute("source");
                if (source != null && !source.isBlank() && !changesKept.contains(source) && !changesKept.contains(EVERY_VARIABLE)) {
                    copiesByCalledProcess.computeIfAbsent(called, key -> ConcurrentHashMap.newKeySet()).add(source);
                }
            }
        }
    }
}
