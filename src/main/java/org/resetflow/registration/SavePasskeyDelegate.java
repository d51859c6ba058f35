package org.resetflow.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.resetflow.recoveryinfo.Passkeys;
import org.resetflow.secret.SecretVault;
import org.resetflow.verification.PasskeyCeremonies;
import org.springframework.stereotype.Component;

/**
 * "Save the passkeys": a new passkey is saved only when its attestation answers the challenge this step showed (used up
 * here, whatever the outcome) from an allowed origin, for the RP id, with the user present and verified; "remove:<ref>"
 * removes that passkey; "keep" and "skip" change nothing. A refused passkey sends the user back to the step with the
 * reason: the current password proved the user already, so it is no failed proof.
 */
@Component("savePasskeyDelegate")
class SavePasskeyDelegate implements JavaDelegate {

    static final int MAX_LABEL = 64;

    private final PasskeyCeremonies ceremonies;
    private final Passkeys passkeys;
    private final SecretVault vault;
    private final Clock clock;

    SavePasskeyDelegate(PasskeyCeremonies ceremonies, Passkeys passkeys, SecretVault vault, Clock clock) {
        this.ceremonies = ceremonies;
        this.passkeys = passkeys;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String accountKey = (String) execution.getVariable(Vars.ACCOUNT_KEY);
        String choice = String.valueOf(execution.getVariable(RegistrationVariables.INPUT_PASSKEY));
        String owner = execution.getProcessInstanceId();
        Optional<String> options = vault.open(owner, IssuePasskeyCreationDelegate.PURPOSE);
        vault.discard(owner, IssuePasskeyCreationDelegate.PURPOSE);
        if (choice.equals(PasskeyChoices.ADD)) {
            if (options.isEmpty()) {
                throw new FieldErrors().add(RegistrationVariables.INPUT_CLIENT_DATA, PasskeyCeremonies.Finding.NOT_FOR_THIS_STEP.errorCode())
                        .raise(execution, "PASSKEY_REFUSED");
            }
            PasskeyCeremonies.Registration registration = ceremonies.register(options.get(), accountKey,
                    label(execution.getVariable(RegistrationVariables.INPUT_PASSKEY_LABEL)),
                    new PasskeyCeremonies.Attestation(text(execution, RegistrationVariables.INPUT_ATTESTATION_OBJECT),
                            text(execution, RegistrationVariables.INPUT_CLIENT_DATA), text(execution, RegistrationVariables.INPUT_TRANSPORTS)));
            if (!registration.verdict().accepted()) {
                throw new FieldErrors().add(registration.verdict().field(), registration.verdict().finding().errorCode())
                        .raise(execution, "PASSKEY_REFUSED");
            }
        } else if (choice.startsWith(PasskeyChoices.REMOVE)) {
            String reference = choice.substring(PasskeyChoices.REMOVE.length());
            passkeys.of(accountKey).stream().filter(passkey -> PasskeyChoices.reference(passkey.credentialId()).equals(reference))
                    .findFirst().ifPresent(passkey -> passkeys.remove(accountKey, passkey.credentialId()));
        }
    }

    /** The user's name for the passkey, without control characters; "Passkey of <date>" when none was given. */
    private String label(Object typed) {
        String label = typed == null ? "" : typed.toString().codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (label.isEmpty()) {
            label = "Passkey of " + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
        return label.codePointCount(0, label.length()) > MAX_LABEL ? label.substring(0, label.offsetByCodePoints(0, MAX_LABEL)) : label;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
