package org.resetflow.registration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.engine.Vars;
import org.resetflow.verification.FailedProofs;
import org.springframework.stereotype.Component;

/** "Check the current password": the user proves to be signed in; a wrong password is a failed proof. */
@Component("checkCurrentPasswordDelegate")
class CheckCurrentPasswordDelegate implements JavaDelegate {

    private final CloudDirectory cloud;
    private final FailedProofs failedProofs;

    CheckCurrentPasswordDelegate(CloudDirectory cloud, FailedProofs failedProofs) {
        this.cloud = cloud;
        this.failedProofs = failedProofs;
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
        throw failedProofs.record(execution, Vars.INPUT_PASSWORD, "PASSWORD_WRONG", "WRONG_PASSWORD");
    }
}
