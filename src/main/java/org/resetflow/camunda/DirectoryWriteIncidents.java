package org.resetflow.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a directory write has used up its retries, the failed-job incident alone is not enough: the user waits and
 * the directories may disagree. This incident handler also sends the journey the message
 * {@code directoryWriteFailing}, whose event subprocess gives the helpdesk a task about it (see the models).
 */
@Component
public class DirectoryWriteIncidents extends AbstractProcessEnginePlugin {

    public static final String MESSAGE = "directoryWriteFailing";
    /** The name of the step that keeps failing, kept on the journey for the helpdesk task and the audit history. */
    public static final String FAILED_WRITE = "failedDirectoryWrite";
    /** The service tasks that write to a directory; the audit counts their incidents as writeback failures. */
    public static final Set<String> DIRECTORY_WRITES = Set.of("writeBackPassword", "setCloudPassword", "unlockAccount",
            "issueTemporaryPassword", "unlockAfterReview");

    private static final Logger log = LoggerFactory.getLogger(DirectoryWriteIncidents.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new FailedDirectoryWrite());
        configuration.setCustomIncidentHandlers(handlers);
    }

    static final class FailedDirectoryWrite extends DefaultIncidentHandler {

        FailedDirectoryWrite() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = super.handleIncident(context, message);
            if (context.getExecutionId() != null && DIRECTORY_WRITES.contains(context.getActivityId())) {
                ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
                String journey = execution.getProcessInstanceId();
                var activity = execution.getProcessDefinition().findActivity(context.getActivityId());
                String step = activity != null && activity.getName() != null ? activity.getName() : context.getActivityId();
                log.warn("A directory write of journey {} failed for good at '{}': the helpdesk gets a task", execution.getProcessBusinessKey(), step);
                Context.getProcessEngineConfiguration().getRuntimeService()
                        .createMessageCorrelation(MESSAGE).processInstanceId(journey).setVariable(FAILED_WRITE, step).correlateAll();
            }
            return incident;
        }
    }
}
