package org.resetflow.verification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.resetflow.channel.Channels;
import org.resetflow.channel.DeliveryFailedException;
import org.resetflow.channel.DeliveryRefusedException;
import org.resetflow.engine.Deliveries;
import org.resetflow.engine.Vars;
import org.resetflow.secret.SecretVault;
import org.resetflow.shared.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Send the code", in the code's delivery, a process instance of its own: it opens the code the code verification
 * sealed, sends it and discards it. A failure is retried by the job executor with backoff; when the provider refuses
 * the message for good, or the last retry fails too, the code is discarded and the BPMN error {@code SEND_FAILED}
 * (with the reason, never the code) leads the model to report the undeliverable code. When there is no sealed code
 * (a decoy, a contact that did not match, a code verification that ended) it does nothing, on purpose.
 */
@Component("sendCodeDelegate")
class SendCodeDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendCodeDelegate.class);

    private final SecretVault vault;
    private final Channels channels;
    private final VerificationProperties verification;

    SendCodeDelegate(SecretVault vault, Channels channels, VerificationProperties verification) {
        this.vault = vault;
        this.channels = channels;
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String owner = (String) execution.getVariable(VerificationVariables.CODE_VERIFICATION);
        vault.open(owner, IssueCodeDelegate.SEALED_CODE).ifPresent(code -> {
            Method method = Method.valueOf((String) execution.getVariable(VerificationVariables.METHOD));
            Locale locale = Locale.forLanguageTag(String.valueOf(execution.getVariable(Vars.LOCALE)));
            try {
                channels.sendCode(Deliveries.of(execution), method, (String) execution.getVariable(VerificationVariables.DESTINATION), code, verification.codeLifetime(), locale);
            } catch (DeliveryRefusedException refused) {
                giveUp(execution, owner, method, refused.getMessage());
            } catch (DeliveryFailedException failed) {
                if (isLastAttempt(execution)) {
                    giveUp(execution, owner, method, failed.getMessage() + " (retries exhausted)");
                }
                throw failed;
            }
            vault.discard(owner, IssueCodeDelegate.SEALED_CODE);
        });
    }

    private void giveUp(DelegateExecution execution, String owner, Method method, String reason) {
        vault.discard(owner, IssueCodeDelegate.SEALED_CODE);
        log.warn("A {} code could not be delivered for journey {}: {}", method, execution.getProcessBusinessKey(), reason);
        throw new BpmnError("SEND_FAILED", reason);
    }

    /**
     * Whether this try is the job's last: after it, the job would become a failed-job incident and nobody would hear
     * of the code. The job is found by the step, not by the execution: the step has a boundary event, so it runs in
     * a scope execution of its own, which the job (created before the step was entered) does not name.
     */
    private static boolean isLastAttempt(DelegateExecution execution) {
        Job job = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .processInstanceId(execution.getProcessInstanceId()).activityId(execution.getCurrentActivityId()).singleResult();
        return job != null && job.getRetries() <= 1;
    }
}
