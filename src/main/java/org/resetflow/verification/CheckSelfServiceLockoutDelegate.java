package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.Vars;
import org.resetflow.throttling.ProofThrottle;
import org.resetflow.throttling.SelfServiceBlocks;
import org.springframework.stereotype.Component;

/**
 * "Check self-service lock-out": an account with too many failed proofs may not try again yet, and one whose owner
 * reported a recovery as not theirs may not try until the helpdesk has lifted the block.
 */
@Component("checkSelfServiceLockoutDelegate")
class CheckSelfServiceLockoutDelegate implements JavaDelegate {

    private final ProofThrottle throttle;
    private final SelfServiceBlocks blocks;

    CheckSelfServiceLockoutDelegate(ProofThrottle throttle, SelfServiceBlocks blocks) {
        this.throttle = throttle;
        this.blocks = blocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String accountKey = JourneyFacts.text(execution, Vars.ACCOUNT_KEY);
        if (blocks.isBlocked(accountKey)) {
            throw new BpmnError(FailedProofs.LOCKED_OUT);
        }
        throttle.lockedOutUntil(accountKey).ifPresent(until -> {
            execution.setVariable(VerificationVariables.LOCKED_OUT_UNTIL, until.toString());
            throw new BpmnError(FailedProofs.LOCKED_OUT);
        });
    }
}
