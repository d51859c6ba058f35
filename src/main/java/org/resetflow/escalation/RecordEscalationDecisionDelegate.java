package org.resetflow.escalation;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.CurrentStaff;
import org.resetflow.camunda.FormFieldErrors;
import org.springframework.stereotype.Component;

/** "Record the decision": who decided, when, and a decision the rest of the model understands. */
@Component("recordEscalationDecisionDelegate")
class RecordEscalationDecisionDelegate implements JavaDelegate {

    static final int MAX_REASON = 500;

    private final Clock clock;

    RecordEscalationDecisionDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decision = execution.getVariable(EscalationVariables.DECISION);
        if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
            throw invalid(EscalationVariables.DECISION, "The decision must be APPROVE or REFUSE");
        }
        if ("REFUSE".equals(decision)) {
            Object reason = execution.getVariable(EscalationVariables.REFUSAL_REASON);
            if (reason == null || reason.toString().isBlank()) {
                throw invalid(EscalationVariables.REFUSAL_REASON, "A refusal needs a reason for the user");
            }
            if (reason.toString().length() > MAX_REASON) {
                throw invalid(EscalationVariables.REFUSAL_REASON, "The reason for the refusal is sent to the user: at most " + MAX_REASON + " characters");
            }
        }
        execution.setVariable(EscalationVariables.DECIDED_BY, CurrentStaff.of(execution.getProcessEngineServices().getIdentityService())
                .map(CurrentStaff::userId).orElse("unknown"));
        execution.setVariable(EscalationVariables.DECIDED_AT, clock.instant().toString());
    }

    /** A form error: Tasklist shows it, {@code /engine-rest} answers 400, and the task stays open. */
    private static RuntimeException invalid(String field, String message) {
        return FormFieldErrors.invalid(field, message);
    }
}
