package org.resetflow.recoveryinfo;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.resetflow.secret.SecretVault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The authenticator apps users registered, in {@code rf_authenticator_app}: the shared secret sealed (never in clear
 * text), and the time step of the last code accepted, which only grows, so that a code is accepted once.
 */
@Repository
public class AuthenticatorApps {

    private final JdbcClient jdbc;
    private final SecretVault vault;
    private final Clock clock;

    public AuthenticatorApps(JdbcClient jdbc, SecretVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    public boolean isRegistered(String accountKey) {
        return jdbc.sql("SELECT COUNT(*) FROM rf_authenticator_app WHERE account_key = ?").param(accountKey)
                .query(Integer.class).single() > 0;
    }

    /** How many accounts have an app. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM rf_authenticator_app").query(Long.class).single();
    }

    /** The shared secret (Base32), opened; empty when the account has none. */
    public Optional<String> secret(String accountKey) {
        List<String> sealed = jdbc.sql("SELECT sealed_secret FROM rf_authenticator_app WHERE account_key = ?")
                .param(accountKey).query(String.class).list();
        return sealed.stream().findFirst().map(value -> vault.openValue(associatedData(accountKey), value));
    }

    /**
     * Registers (or replaces) the account's app. {@code confirmedTimeStep} is the step of the code the user confirmed
     * it with: that code is used up too.
     */
    public void save(String accountKey, String secret, long confirmedTimeStep) {
        String sealed = vault.sealValue(associatedData(accountKey), secret);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE rf_authenticator_app SET sealed_secret = ?, last_time_step = ?, registered_at = ? WHERE account_key = ?")
                .params(sealed, confirmedTimeStep, now, accountKey).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO rf_authenticator_app (account_key, sealed_secret, last_time_step, registered_at) VALUES (?, ?, ?, ?)")
                    .params(accountKey, sealed, confirmedTimeStep, now).update();
        }
    }

    public void remove(String accountKey) {
        jdbc.sql("DELETE FROM rf_authenticator_app WHERE account_key = ?").param(accountKey).update();
    }

    /**
     * Uses up the codes of {@code timeStep} and every earlier step, in one conditional update: of two nodes (or two
     * requests) accepting the same code, only one raises the step, and the other sees the code as used.
     *
     * @return whether this call used the step up (false: a code of this step or a later one was accepted before)
     */
    public boolean useTimeStep(String accountKey, long timeStep) {
        return jdbc.sql("UPDATE rf_authenticator_app SET last_time_step = ? WHERE account_key = ? AND last_time_step < ?")
                .params(timeStep, accountKey, timeStep).update() == 1;
    }

    private static String associatedData(String accountKey) {
        return "authenticatorApp/" + accountKey;
    }
}
