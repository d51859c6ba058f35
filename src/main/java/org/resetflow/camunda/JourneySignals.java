package org.resetflow.camunda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * Wakes the API calls that wait for a journey (the journey API's {@code JourneyService}) when this node's engine has moved it, so
 * that they need not poll the database. A journey is known by its business key, the flow id, which the models'
 * call activities pass down. After a transaction commits, the waiters of a journey hear that in it a user task was
 * created, a process instance ended, a job failed or the variable {@code outcome} was set.
 *
 * <p>A signal is a reason to look again, never the answer: the waiter reads the state from the database. Nothing
 * is heard of what another node of a cluster does, so waiters also look again now and then on their own.
 */
@Component
public class JourneySignals extends AbstractProcessEnginePlugin {

    private final Map<String, Set<Watch>> watches = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
                        (ExecutionListener) execution -> movedOnCommit(execution.getProcessBusinessKey()));
            }

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition().addBuiltInTaskListener(
                        TaskListener.EVENTNAME_CREATE, task -> movedOnCommit(task.getExecution().getProcessBusinessKey()));
            }
        });
        configuration.setCustomPostBPMNParseListeners(parseListeners);

        HistoryEventHandlers.add(configuration, event -> {
            if (event instanceof HistoricJobLogEvent job && job.isFailureLog() || setsTheOutcome(event)) {
                movedOnCommit(businessKey(event));
            }
        });
    }

    /** Starts listening to a journey; close the watch when done. Register before looking, so no signal is lost. */
    public Watch watch(String flowId) {
        Watch watch = new Watch(flowId);
        watches.compute(flowId, (id, current) -> {
            Set<Watch> all = current != null ? current : ConcurrentHashMap.newKeySet();
            all.add(watch);
            return all;
        });
        return watch;
    }

    /** Wakes every watch of the journey. */
    void moved(String flowId) {
        Set<Watch> all = watches.get(flowId);
        if (all != null) {
            all.forEach(Watch::wake);
        }
    }

    /** How many journeys are being watched, for the tests: none once every watch is closed. */
    int watchedJourneys() {
        return watches.size();
    }

    private void forget(Watch watch) {
        watches.computeIfPresent(watch.flowId, (id, all) -> {
            all.remove(watch);
            return all.isEmpty() ? null : all;
        });
    }

    private void movedOnCommit(String flowId) {
        CommandContext command = Context.getCommandContext();
        if (flowId != null && command != null) {
            // Before the commit the waiter would look and find nothing new.
            command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> moved(flowId));
        }
    }

    private static boolean setsTheOutcome(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && Vars.OUTCOME.equals(variable.getVariableName())
                && variable.getTextValue() != null
                && (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE));
    }

    private static String businessKey(HistoryEvent event) {
        CommandContext command = Context.getCommandContext();
        if (command == null || event.getProcessInstanceId() == null) {
            return null;
        }
        ExecutionEntity instance = command.getExecutionManager().findExecutionById(event.getProcessInstanceId());
        return instance != null ? instance.getProcessBusinessKey() : null;
    }

    /** One waiter's interest in one journey. Signals that arrive while nobody waits are kept until the next wait. */
    public final class Watch implements AutoCloseable {

        private final String flowId;
        private final Lock lock = new ReentrantLock();
        private final Condition woken = lock.newCondition();
        private boolean moved;

        private Watch(String flowId) {
            this.flowId = flowId;
        }

        /** Waits at most this long for the journey to move; true when it moved since the last wait. */
        public boolean await(Duration timeout) throws InterruptedException {
            lock.lock();
            try {
                long nanos = timeout.toNanos();
                while (!moved && nanos > 0) {
                    nanos = woken.awaitNanos(nanos);
                }
                boolean result = moved;
                moved = false;
                return result;
            } finally {
                lock.unlock();
            }
        }

        private void wake() {
            lock.lock();
            try {
                moved = true;
                woken.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            forget(this);
        }
    }
}
