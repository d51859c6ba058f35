package org.resetflow.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a directory write has used up its retries, the failed-job incident alone is not enough: the user waits and
 * the directories may disagree. This incident handler also starts the process {@code directoryWriteFailing} (by its
 * start message, with the journey's flow id as business key), which gives the helpdesk a task about it; when the
 * incident is settled (the job retried, or deleted with its journey) the message {@code directoryWriteSettled} ends
 * that task. A step is a directory write when its model says so: {@code camunda:property directoryWrite=true}.
 * <p>
 * That bookkeeping is the product's, not the act of whoever made the incident come or go: it runs without their
 * authorisations (an administrator who retries a job in Cockpit may not start or correlate processes, and need not).
 * And a job that has used up its retries is due again at once: the engine leaves its due date at the last interval
 * of the retry cycle (15 minutes by default), so a retry in Cockpit with its defaults would otherwise wait that long
 * once the cause is fixed.
 */
@Component
public class DirectoryWriteIncidents extends AbstractProcessEnginePlugin {

    public static final String MESSAGE = "directoryWriteFailing";
    public static final String SETTLED = "directoryWriteSettled";
    /** The name of the step that keeps failing, for the helpdesk task and the audit history. */
    public static final String FAILED_WRITE = "failedDirectoryWrite";
    /** The failed job, which the helpdesk task's process keeps to hear when it is settled. */
    public static final String FAILED_JOB = "failedJob";
    /** The extension property that marks a step as a write to a directory; the audit counts their incidents. */
    public static final String DIRECTORY_WRITE = "directoryWrite";

    private static final Logger log = LoggerFactory.getLogger(DirectoryWriteIncidents.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new FailedDirectoryWrite());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** The ids of the steps that the models declare as directory writes. */
    public static SortedSet<String> directoryWrites() {
        return ModelProperties.stepsDeclaring(DIRECTORY_WRITE, "true");
    }

    /** Whether the model declares the step a directory write; within an engine command. */
    static boolean isDirectoryWrite(String processDefinitionId, String activityId) {
        return "true".equals(ModelProperties.of(processDefinitionId, activityId, DIRECTORY_WRITE));
    }

    static final class FailedDirectoryWrite extends DefaultIncidentHandler {

        FailedDirectoryWrite() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = super.handleIncident(context, message);
            dueAtOnce(context.getConfiguration());
            if (context.getExecutionId() != null && isDirectoryWrite(context.getProcessDefinitionId(), context.getActivityId())) {
                ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
                var activity = execution.getProcessDefinition().findActivity(context.getActivityId());
                String step = activity != null && activity.getName() != null ? activity.getName() : context.getActivityId();
                log.warn("A directory write of journey {} failed for good at '{}': the helpdesk gets a task", execution.getProcessBusinessKey(), step);
                // what the failing process knows (the journey, or the helpdesk escalation it called) is what the helpdesk checks
                VariableMap variables = Variables.fromMap(execution.getProcessInstance().getVariablesTyped())
                        .putValue(FAILED_WRITE, step).putValue(FAILED_JOB, context.getConfiguration());
                Context.getCommandContext().runWithoutAuthorization(() -> Context.getProcessEngineConfiguration().getRuntimeService()
                        .createMessageCorrelation(MESSAGE).processInstanceBusinessKey(execution.getProcessBusinessKey())
                        .setVariables(variables).correlateStartMessage());
            }
            return incident;
        }

        /** The failed job (the incident's configuration) is due now: retried, it runs at once. */
        private static void dueAtOnce(String jobId) {
            JobEntity job = jobId == null ? null : Context.getCommandContext().getJobManager().findJobById(jobId);
            if (job != null) {
                job.setDuedate(ClockUtil.getCurrentTime());
            }
        }

        @Override
        protected void removeIncident(IncidentContext context, boolean incidentResolved) {
            List<Incident> incidents = Context.getCommandContext().getIncidentManager().findIncidentByConfiguration(context.getConfiguration());
            for (Incident incident : incidents) {
                if (incidentResolved) {
                    ((IncidentEntity) incident).resolve();
                } else {
                    ((IncidentEntity) incident).delete();
                }
            }
            // the context of a removal names no activity: the incident does
            if (!incidents.isEmpty() && isDirectoryWrite(incidents.get(0).getProcessDefinitionId(), incidents.get(0).getActivityId())) {
                Context.getCommandContext().runWithoutAuthorization(() -> Context.getProcessEngineConfiguration().getRuntimeService()
                        .createMessageCorrelation(SETTLED).processInstanceVariableEquals(FAILED_JOB, context.getConfiguration())
                        .correlateAllWithResult());
            }
        }
    }
}
