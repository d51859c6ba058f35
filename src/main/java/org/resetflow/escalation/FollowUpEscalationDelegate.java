package org.resetflow.escalation;

import java.time.Clock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.resetflow.staff.StaffProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Offer it to the follow-up group": an escalation nobody has taken ({@code resetflow.staff.escalation-follow-up})
 * moves from the helpdesk group to the follow-up group. One that someone has claimed stays with them. Which task
 * that is, the model says: the input parameter {@code followUpTask}.
 */
@Component("followUpEscalationDelegate")
class FollowUpEscalationDelegate implements JavaDelegate {

    static final String FOLLOW_UP_TASK = "followUpTask";

    private static final Logger log = LoggerFactory.getLogger(FollowUpEscalationDelegate.class);

    private final StaffProperties staff;
    private final Clock clock;

    FollowUpEscalationDelegate(StaffProperties staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey((String) execution.getVariable(FOLLOW_UP_TASK)).singleResult();
        if (review == null || review.getAssignee() != null) {
            return;
        }
        tasks.deleteCandidateGroup(review.getId(), staff.helpdeskGroup());
        tasks.addCandidateGroup(review.getId(), staff.followUpGroup());
        execution.setVariable(EscalationVariables.FOLLOWED_UP_AT, clock.instant().toString());
        log.info("Escalation of journey {} was not taken in time: offered to {}", execution.getProcessBusinessKey(), staff.followUpGroup());
    }
}
