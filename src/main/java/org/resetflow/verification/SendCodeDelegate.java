package org.resetflow.verification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.channel.Channels;
import org.resetflow.channel.DeliveryFailedException;
import org.resetflow.channel.DeliveryRefusedException;
import org.resetflow.engine.Vars;
import org.resetflow.secret.SecretVault;
import org.resetflow.shared.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Send the code", in its own transaction. A failure is retried by the job executor with backoff; when the provider
 * refuses the message for good, or the last retry fails too, the journey does not die: an incident of type
 * {@code codeDelivery} is raised on the journey for the operators, and the BPMN error {@code SEND_FAILED} takes the
 * user back to choose another method. When there is no sealed code (nothing to send) it does nothing, on purpose.
 */
@Component("sendCodeDelegate")
class SendCodeDelegate implements JavaDelegate {

    static final String INCIDENT_TYPE = "codeDelivery";
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
        String owner = execution.getProcessInstanceId();
        vault.open(owner, IssueCodeDelegate.SEALED_CODE).ifPresent(code -> {
            Method method = Method.valueOf((String) execution.getVariable(VerificationVariables.METHOD));
            Locale locale = Locale.forLanguageTag(String.valueOf(JourneyFacts.get(execution, Vars.LOCALE)));
            try {
                channels.sendCode(method, (String) execution.getVariable(VerificationVariables.DESTINATION), code, verification.codeLifetime(), locale);
            } catch (DeliveryRefusedException refused) {
                giveUp(execution, method, refused.getMessage());
            } catch (DeliveryFailedException failed) {
                if (isLastAttempt(execution)) {
                    giveUp(execution, method, failed.getMessage() + " (retries exhausted)");
                }
                throw failed;
            }
            vault.discard(owner, IssueCodeDelegate.SEALED_CODE);
        });
    }

    private void giveUp(DelegateExecution execution, Method method, String reason) {
        vault.discard(execution.getProcessInstanceId(), IssueCodeDelegate.SEALED_CODE);
        log.warn("A {} code could not be delivered for journey {}: {}", method, execution.getProcessBusinessKey(), reason);
        JourneyFacts.raiseIncident(execution, INCIDENT_TYPE, method.name(), reason);
        throw new BpmnError("SEND_FAILED");
    }

    /** Whether this try is the job's last: after it, the job would become a failed-job incident and the user would wait. */
    private static boolean isLastAttempt(DelegateExecution execution) {
        Job job = execution.getProcessEngineServices().getManagementService().createJobQuery().executionId(execution.getId()).singleResult();
        return job != null && job.getRetries() <= 1;
    }
}
