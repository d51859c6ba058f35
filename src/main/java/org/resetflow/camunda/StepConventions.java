package org.resetflow.camunda;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
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
 * Conventions for every user task of every model: field errors and notices that a step left for the user
 * ({@code pendingFieldErrors}, {@code pendingNotice}) become local variables of the next user task, so the
 * journey API shows them exactly once, next to the step they belong to; and a task name that a model's expression
 * made longer than Camunda's column ({@code ACT_RU_TASK.NAME_}, 255 characters) is shortened rather than failing
 * the step (a helpdesk task is named with the username the user typed).
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
                if (definition.getNameExpression() != null && !definition.getNameExpression().isLiteralText()) {
                    definition.setNameExpression(new FittedName(definition.getNameExpression()));
                }
            }
        });
    }

    /** The length of {@code ACT_RU_TASK.NAME_} and {@code ACT_HI_TASKINST.NAME_}. */
    static final int MAX_TASK_NAME = 255;

    static void handOverToTask(DelegateTask task) {
        move(task, Vars.PENDING_FIELD_ERRORS, Vars.FIELD_ERRORS);
        move(task, Vars.PENDING_NOTICE, Vars.NOTICE);
    }

    static Object fitted(Object name) {
        return name instanceof String text && text.length() > MAX_TASK_NAME ? text.substring(0, MAX_TASK_NAME - 1) + "…" : name;
    }

    /**
     * A task name expression whose value fits the column. Wrapped at parse time: the engine writes the task's history
     * with its name before any task listener runs.
     */
    record FittedName(Expression name) implements Expression {

        @Override
        public Object getValue(VariableScope scope) {
            return fitted(name.getValue(scope));
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            name.setValue(value, scope);
        }

        @Override
        public String getExpressionText() {
            return name.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return name.isLiteralText();
        }
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
