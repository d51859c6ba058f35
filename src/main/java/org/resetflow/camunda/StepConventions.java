package org.resetflow.camunda;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * One convention for every user task of every model: field errors and notices that a step left for the user
 * ({@code pendingFieldErrors}, {@code pendingNotice}) become local variables of the next user task, so the
 * journey API shows them exactly once, next to the step they belong to.
 */
@Component
public class StepConventions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
        if (listeners == null) {
            listeners = new java.util.ArrayList<>();
            configuration.setCustomPreBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, StepConventions::handOverToTask);
            }
        });
    }

    static void handOverToTask(DelegateTask task) {
        move(task, Vars.PENDING_FIELD_ERRORS, Vars.FIELD_ERRORS);
        move(task, Vars.PENDING_NOTICE, Vars.NOTICE);
    }

    private static void move(DelegateTask task, String pending, String local) {
        VariableScope execution = task.getExecution();
        Object value = execution.getVariable(pending);
        if (value != null) {
            task.setVariableLocal(local, value);
            execution.removeVariable(pending);
        }
    }
}
