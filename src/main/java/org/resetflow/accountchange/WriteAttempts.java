package org.resetflow.accountchange;

import java.time.Clock;
import java.time.Duration;
import org.resetflow.engine.EngineProperties;
import org.resetflow.secret.SecretVault;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which writes of a journey's new password have been attempted. A write runs in a job; when its node dies after the
 * directory took the password but before the job committed (or the directory's answer is lost), the job runs again,
 * and the directory may refuse the same password as "used recently". Each attempt is therefore recorded before the
 * write, in a transaction of its own that outlives the job's, and a write that finds an earlier attempt recorded is
 * made as a repeat ({@code setPasswordAgain}), which recognises its own earlier success. The record is removed with
 * the job's commit once the write is done or refused; it expires with the sealed password otherwise. It is kept in
 * the vault's table beside the sealed password it belongs to (its content is no secret: a time).
 */
@Component
class WriteAttempts {

    static final String ON_PREMISES = "on-premises";
    static final String CLOUD = "cloud";
    private static final String PURPOSE = "write-attempt/";

    private final SecretVault vault;
    private final TransactionTemplate separately;
    private final Duration lifetime;
    private final Clock clock;

    WriteAttempts(SecretVault vault, PlatformTransactionManager transactions, EngineProperties engine, Clock clock) {
        this.vault = vault;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lifetime = engine.sealedPasswordLifetime();
    }

    /** Records that the write to {@code directory} is about to be made; whether an earlier attempt was recorded. */
    boolean begin(String journeyId, String directory) {
        return Boolean.TRUE.equals(separately.execute(status -> {
            if (vault.open(journeyId, PURPOSE + directory).isPresent()) {
                return true;
            }
            vault.seal(journeyId, PURPOSE + directory, clock.instant().toString(), lifetime);
            return false;
        }));
    }

    /** The write is done or refused for good: forgotten with the job's commit. */
    void end(String journeyId, String directory) {
        vault.discard(journeyId, PURPOSE + directory);
    }
}
