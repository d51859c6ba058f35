package org.resetflow.bench.ceiling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The ceiling's hooks into the engine, added to every model as it is deployed, so that no model needs an edit:
 * <ul>
 * <li>each process instance, the entry process's and the called ones', gets the {@link JourneyFacts} its model
 * reads and was not given, when it starts (in place of the product's delegates, which set them on the way);</li>
 * <li>a waiting driver thread is told, once the transaction has committed, that its journey (by business key, which
 * the models pass down to the processes they call, as the product's API relies on) waits at a user's step, or that
 * its outcome is decided (the variable {@code outcome} set), or that it has ended: the ideal "the journey rests"
 * signal, so the ceiling pays for no polling. The product's API answers a step as soon as the journey waits at the
 * next user's step or has its outcome (what follows, telling the user by email, runs in the background), so the
 * ceiling's last step ends at the same point, not at the end of the process. As in the product's API, a step
 * offered to a staff group (candidate groups) is not the user's.</li>
 * </ul>
 */
final class JourneyEvents extends AbstractProcessEnginePlugin {

    /** Where a journey rests: a user's step ({@code taskId} set), or the end ({@code taskId} null) with its outcome. */
    record Rest(String taskId, String taskKey, String formRef, Object outcome) {

        boolean ended() {
            return taskId == null;
        }
    }

    private final Map<String, BlockingQueue<Rest>> waiting = new ConcurrentHashMap<>();
    private volatile Map<String, Map<String, JourneyFacts.Fact>> factsByProcess = Map.of();

    /** @param factsByProcess process key to the facts its model reads; before the models are deployed */
    void useFacts(Map<String, Map<String, JourneyFacts.Fact>> factsByProcess) {
        this.factsByProcess = Map.copyOf(factsByProcess);
    }

    BlockingQueue<Rest> listen(String businessKey) {
        BlockingQueue<Rest> queue = new LinkedBlockingQueue<>();
        waiting.put(businessKey, queue);
        return queue;
    }

    void forget(String businessKey) {
        waiting.remove(businessKey);
    }

    private void afterCommit(String businessKey, Rest rest) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> {
            BlockingQueue<Rest> queue = waiting.get(businessKey);
            if (queue != null) {
                queue.add(rest);
            }
        });
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                outcomeDecided(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
        configuration.setCustomHistoryEventHandlers(handlers);
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        ExecutionListener ended = execution -> {
            if (isRoot(execution)) {
                afterCommit(execution.getProcessBusinessKey(), new Rest(null, null, null, execution.getVariable(JourneyFacts.OUTCOME)));
            }
        };
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                if (!definition.getCandidateGroupIdExpressions().isEmpty() || !definition.getCandidateUserIdExpressions().isEmpty()) {
                    return;
                }
                Expression form = definition.getCamundaFormDefinitionKey();
                String formRef = form == null ? null : form.getExpressionText();
                String key = activity.getId();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE,
                        task -> afterCommit(task.getExecution().getProcessBusinessKey(), new Rest(task.getId(), key, formRef, null)));
            }

            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                Map<String, JourneyFacts.Fact> facts = factsByProcess.getOrDefault(process.getKey(), Map.of());
                if (!facts.isEmpty()) {
                    // first, so that the model's own start listeners find them too
                    process.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> seed(execution, facts), 0);
                }
                process.addListener(ExecutionListener.EVENTNAME_END, ended);
            }
        });
    }

    /** The product's signal for an outcome (its JourneySignals): the variable {@code outcome} created or updated with a value. */
    private void outcomeDecided(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable && JourneyFacts.OUTCOME.equals(variable.getVariableName())
                && variable.getTextValue() != null
                && (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE))) {
            CommandContext command = Context.getCommandContext();
            if (command == null || event.getProcessInstanceId() == null) {
                return;
            }
            ExecutionEntity instance = command.getExecutionManager().findExecutionById(event.getProcessInstanceId());
            if (instance != null && instance.getProcessBusinessKey() != null) {
                afterCommit(instance.getProcessBusinessKey(), new Rest(null, null, null, variable.getTextValue()));
            }
        }
    }

    private static void seed(DelegateExecution execution, Map<String, JourneyFacts.Fact> facts) {
        facts.forEach((name, fact) -> {
            if (!execution.hasVariable(name)) {
                execution.setVariable(name, Variables.untypedValue(fact.value(), fact.transientValue()));
            }
        });
    }

    private static boolean isRoot(DelegateExecution execution) {
        return execution.getSuperExecution() == null && execution.getProcessInstance() == execution;
    }
}
