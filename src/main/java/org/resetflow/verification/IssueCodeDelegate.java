package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.Vars;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.secret.SecretVault;
import org.resetflow.throttling.RateLimits;
import org.springframework.stereotype.Component;

/**
 * "Create a one-time code": within the send limits, a fresh code; its keyed hash becomes a process variable,
 * the code itself is sealed until "Send the code" delivers it. Without a destination (a decoy or a contact
 * that did not match) the code is created and hashed all the same, and nobody ever receives it.
 */
@Component("issueCodeDelegate")
class IssueCodeDelegate implements JavaDelegate {

    static final String SEALED_CODE = "code";

    private final OneTimeCodes codes;
    private final KeyedHasher hasher;
    private final SecretVault vault;
    private final RateLimits rateLimits;
    private final VerificationProperties properties;

    IssueCodeDelegate(OneTimeCodes codes, KeyedHasher hasher, SecretVault vault, RateLimits rateLimits,
                      VerificationProperties properties) {
        this.codes = codes;
        this.hasher = hasher;
        this.vault = vault;
        this.rateLimits = rateLimits;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String destination = (String) execution.getVariable(VerificationVariables.DESTINATION);
        boolean decoy = JourneyFacts.isTrue(execution, Vars.DECOY);
        if (!rateLimits.tryIssueCode(JourneyFacts.text(execution, Vars.ACCOUNT_KEY), destination)) {
            throw new BpmnError("CODE_LIMIT");
        }
        String code = codes.next();
        execution.setVariable(VerificationVariables.CODE_HASH, hasher.hash(codeContext(execution), code));
        execution.setVariable(VerificationVariables.CODE_ISSUED_AT, java.time.Instant.now().toString());
        if (!decoy && destination != null) {
            vault.seal(execution.getProcessInstanceId(), SEALED_CODE, code, properties.codeLifetime());
        }
    }

    static String codeContext(DelegateExecution execution) {
        return "code:" + execution.getProcessInstanceId();
    }
}
