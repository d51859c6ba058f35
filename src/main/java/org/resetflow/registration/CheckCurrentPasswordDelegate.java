package org.resetflow.registration;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.resetflow.throttling.ProofThrottle;
import org.springframework.stereotype.Component;

/** "Check the current password": the user proves to be signed in; a wrong password is a failed proof. */
@Component("checkCurrentPasswordDelegate")
class CheckCurrentPasswordDelegate implements JavaDelegate {

    private final CloudDirectory cloud;
    private final ProofThrottle throttle;

    CheckCurrentPasswordDelegate(CloudDirectory cloud, ProofThrottle throttle) {
        this.cloud = cloud;
        this.throttle = throttle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String password = (String) execution.getVariable(Vars.INPUT_PASSWORD);
        boolean decoy = Boolean.TRUE.equals(execution.getVariable(Vars.DECOY));
        boolean correct = !decoy && cloud.findAccount((String) execution.getVariable(Vars.USERNAME))
                .map(account -> cloud.authenticate(account, password))
                .orElse(false);
        if (correct) {
            return;
        }
        throttle.recordFailure((String) execution.getVariable(Vars.ACCOUNT_KEY)).ifPresent(until -> {
            execution.setVariable(Vars.LOCKED_OUT_UNTIL, until.toString());
            throw new BpmnError("LOCKED_OUT");
        });
        throw new FieldErrors().add(Vars.INPUT_PASSWORD, "PASSWORD_WRONG").raise(execution, "WRONG_PASSWORD");
    }
}
