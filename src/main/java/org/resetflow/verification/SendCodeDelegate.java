package org.resetflow.verification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.channel.Channels;
import org.resetflow.engine.Vars;
import org.resetflow.secret.SecretVault;
import org.springframework.stereotype.Component;

/**
 * "Send the code", in its own transaction: a failure is retried by the job executor and, when the retries are
 * spent, becomes an incident. When there is no sealed code (nothing to send) it does nothing, on purpose.
 */
@Component("sendCodeDelegate")
class SendCodeDelegate implements JavaDelegate {

    private final SecretVault vault;
    private final Channels channels;

    SendCodeDelegate(SecretVault vault, Channels channels) {
        this.vault = vault;
        this.channels = channels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String owner = execution.getProcessInstanceId();
        vault.open(owner, IssueCodeDelegate.SEALED_CODE).ifPresent(code -> {
            Method method = Method.valueOf((String) execution.getVariable(Vars.METHOD));
            Locale locale = Locale.forLanguageTag(String.valueOf(execution.getVariable(Vars.LOCALE)));
            channels.sendCode(method, (String) execution.getVariable(Vars.DESTINATION), code, locale);
            vault.discard(owner, IssueCodeDelegate.SEALED_CODE);
        });
    }
}
