package org.resetflow.bench.ceiling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Tells a waiting driver thread, once the transaction has committed, that its journey has a new user task (the
 * task id) or has ended ({@link #ENDED}): the ideal "the journey rests" signal, so the ceiling pays for no polling.
 */
final class JourneyEvents extends AbstractProcessEnginePlugin {

    static final String ENDED = "";

    private final Map<String, BlockingQueue<String>> waiting = new ConcurrentHashMap<>();

    BlockingQueue<String> listen(String businessKey) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        waiting.put(businessKey, queue);
        return queue;
    }

    void forget(String businessKey) {
        waiting.remove(businessKey);
    }

    private void afterCommit(String businessKey, String event) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> {
            BlockingQueue<String> queue = waiting.get(businessKey);
            if (queue != null) {
                queue.add(event);
            }
        });
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        TaskListener taskCreated = task -> afterCommit(task.getExecution().getProcessBusinessKey(), task.getId());
        ExecutionListener ended = execution -> {
            if (isRoot(execution)) {
                afterCommit(execution.getProcessBusinessKey(), ENDED);
            }
        };
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, taskCreated);
            }

            @Override
            public void parseProcess(Element element, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity process) {
                process.addListener(ExecutionListener.EVENTNAME_END, ended);
            }
        });
    }

    private static boolean isRoot(DelegateExecution execution) {
        return execution.getSuperExecution() == null && execution.getProcessInstance() == execution;
    }
}
