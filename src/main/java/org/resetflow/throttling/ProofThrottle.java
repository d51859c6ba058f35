package org.resetflow.throttling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed proofs per account in a sliding window and locks the account out of self-service when there are
 * too many. Runs inside the caller's transaction, so a count commits together with the journey step that caused
 * it. Failures and lock-outs are appended, never updated, so concurrent nodes cannot lose a failure.
 */
@Component
public class ProofThrottle {

    private final JdbcClient jdbc;
    private final ThrottlingProperties properties;
    private final Clock clock;

    public ProofThrottle(JdbcClient jdbc, ThrottlingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The end of the account's self-service lock-out, when it is locked out now. */
    public Optional<Instant> lockedOutUntil(String accountKey) {
        return jdbc.sql("SELECT MAX(locked_until) FROM rf_lockout WHERE counter_key = ? AND locked_until > ?")
                .params(key(accountKey), Timestamp.from(clock.instant()))
                .query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** How many proofs of the account failed within the window ({@code resetflow.throttling.failed-proof-window}). */
    public int recentFailures(String accountKey) {
        return jdbc.sql("SELECT COUNT(*) FROM rf_failed_proof WHERE counter_key = ? AND failed_at >= ?")
                .params(key(accountKey), Timestamp.from(clock.instant().minus(properties.failedProofWindow())))
                .query(Integer.class).single();
    }

    /** The window {@link #recentFailures} counts in. */
    public java.time.Duration window() {
        return properties.failedProofWindow();
    }

    /** Records one failed proof; returns the lock-out end if this failure (or an earlier one) locked the account out. */
    public Optional<Instant> recordFailure(String accountKey) {
        String key = key(accountKey);
        Instant now = clock.instant();
        Optional<Instant> alreadyLocked = lockedOutUntil(accountKey);
        jdbc.sql("INSERT INTO rf_failed_proof (counter_key, failed_at) VALUES (?, ?)").params(key, Timestamp.from(now)).update();
        if (alreadyLocked.isPresent()) {
            return alreadyLocked;
        }
        // The window includes its start; failures up to the last lock-out were paid for by that lock-out.
        Instant windowStart = now.minus(properties.failedProofWindow());
        Optional<Instant> lastLockout = jdbc.sql("SELECT MAX(locked_at) FROM rf_lockout WHERE counter_key = ?").param(key)
                .query(Timestamp.class).optional().map(Timestamp::toInstant)
                .filter(lockedAt -> !lockedAt.isBefore(windowStart));
        int failures = lastLockout
                .map(lockedAt -> jdbc.sql("SELECT COUNT(*) FROM rf_failed_proof WHERE counter_key = ? AND failed_at > ?")
                        .params(key, Timestamp.from(lockedAt)))
                .orElseGet(() -> jdbc.sql("SELECT COUNT(*) FROM rf_failed_proof WHERE counter_key = ? AND failed_at >= ?")
                        .params(key, Timestamp.from(windowStart)))
                .query(Integer.class).single();
        if (failures < properties.maxFailedProofs()) {
            return Optional.empty();
        }
        Instant until = now.plus(properties.lockoutDuration());
        jdbc.sql("INSERT INTO rf_lockout (counter_key, locked_at, locked_until) VALUES (?, ?, ?)")
                .params(key, Timestamp.from(now), Timestamp.from(until)).update();
        return Optional.of(until);
    }

    /** Forgets failures and lock-outs that can no longer matter. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void purgeOld() {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM rf_failed_proof WHERE failed_at < ?").param(Timestamp.from(now.minus(properties.failedProofWindow()))).update();
        jdbc.sql("DELETE FROM rf_lockout WHERE locked_until < ? AND locked_at < ?")
                .params(Timestamp.from(now), Timestamp.from(now.minus(properties.failedProofWindow()))).update();
    }

    private static String key(String accountKey) {
        return "proof:" + accountKey;
    }
}
