package org.resetflow.escalation;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/** "Record the decision": who decided, when, and a decision the rest of the model understands. */
@Component("recordEscalationDecisionDelegate")
class RecordEscalationDecisionDelegate implements JavaDelegate {

    private final Clock clock;

    RecordEscalationDecisionDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decision = execution.getVariable(Vars.DECISION);
        if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
            throw new IllegalArgumentException("The decision must be APPROVE or REFUSE");
        }
        if ("REFUSE".equals(decision)) {
            Object reason = execution.getVariable(Vars.REFUSAL_REASON);
            if (reason == null || reason.toString().isBlank()) {
                throw new IllegalArgumentException("A refusal needs a reason for the user");
            }
        }
        Authentication staff = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        execution.setVariable(Vars.DECIDED_BY, staff == null ? "unknown" : staff.getUserId());
        execution.setVariable(Vars.DECIDED_AT, clock.instant().toString());
    }
}
