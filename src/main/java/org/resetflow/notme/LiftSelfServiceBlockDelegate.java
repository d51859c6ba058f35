package org.resetflow.notme;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.CurrentStaff;
import org.resetflow.camunda.FormFieldErrors;
import org.resetflow.throttling.SelfServiceBlocks;
import org.springframework.stereotype.Component;

/**
 * "Lift the self-service block": once the helpdesk confirms that it secured the account and says what it did, the
 * report's block goes (the account stays blocked by any other open report), with who and when.
 */
@Component("liftSelfServiceBlockDelegate")
class LiftSelfServiceBlockDelegate implements JavaDelegate {

    static final int MAX_RESOLUTION = 500;

    private final SelfServiceBlocks blocks;
    private final Clock clock;

    LiftSelfServiceBlockDelegate(SelfServiceBlocks blocks, Clock clock) {
        this.blocks = blocks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable(NotMeVariables.ACCOUNT_SECURED))) {
            throw FormFieldErrors.invalid(NotMeVariables.ACCOUNT_SECURED, "Secure the account first: self-service stays blocked until you confirm it");
        }
        Object resolution = execution.getVariable(NotMeVariables.RESOLUTION);
        if (resolution == null || resolution.toString().isBlank() || resolution.toString().length() > MAX_RESOLUTION) {
            throw FormFieldErrors.invalid(NotMeVariables.RESOLUTION, "Say what you did, in at most " + MAX_RESOLUTION + " characters");
        }
        execution.setVariable(NotMeVariables.SECURED_BY, CurrentStaff.of(execution.getProcessEngineServices().getIdentityService())
                .map(CurrentStaff::userId).orElse("unknown"));
        execution.setVariable(NotMeVariables.SECURED_AT, clock.instant().toString());
        blocks.lift(execution.getProcessInstanceId());
    }
}
