package org.resetflow.throttling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed proofs per account and locks the account out of self-service when there are too many.
 * Runs inside the caller's transaction, so a count commits together with the journey step that caused it.
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
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM rf_throttle_counter WHERE counter_key = ?")
                .param(key(accountKey))
                .query(Timestamp.class).optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now));
    }

    /** Records one failed proof; returns the lock-out end if this failure (or an earlier one) locked the account out. */
    public Optional<Instant> recordFailure(String accountKey) {
        String key = key(accountKey);
        Instant now = clock.instant();
        List<Counter> rows = jdbc.sql("SELECT failures, window_started_at, locked_until FROM rf_throttle_counter WHERE counter_key = ? FOR UPDATE")
                .param(key)
                .query((rs, n) -> new Counter(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
        if (rows.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO rf_throttle_counter (counter_key, failures, window_started_at, locked_until) VALUES (?, 0, ?, NULL)")
                        .params(key, Timestamp.from(now)).update();
            } catch (DuplicateKeyException raced) {
                // Another node inserted it first; fall through to the update.
            }
            rows = List.of(new Counter(0, now, null));
        }
        Counter counter = rows.get(0).next(now, properties);
        jdbc.sql("UPDATE rf_throttle_counter SET failures = ?, window_started_at = ?, locked_until = ? WHERE counter_key = ?")
                .params(counter.failures(), Timestamp.from(counter.windowStartedAt()),
                        counter.lockedUntil() == null ? null : Timestamp.from(counter.lockedUntil()), key)
                .update();
        return Optional.ofNullable(counter.lockedUntil()).filter(until -> until.isAfter(now));
    }

    private static String key(String accountKey) {
        return "proof:" + accountKey;
    }

    private record Counter(int failures, Instant windowStartedAt, Instant lockedUntil) {

        Counter next(Instant now, ThrottlingProperties properties) {
            boolean windowOver = windowStartedAt.plus(properties.failedProofWindow()).isBefore(now);
            boolean lockOver = lockedUntil != null && !lockedUntil.isAfter(now);
            if (windowOver || lockOver) {
                return new Counter(1, now, null).lockIfTooMany(now, properties);
            }
            return new Counter(failures + 1, windowStartedAt, lockedUntil).lockIfTooMany(now, properties);
        }

        private Counter lockIfTooMany(Instant now, ThrottlingProperties properties) {
            if (lockedUntil == null && failures >= properties.maxFailedProofs()) {
                return new Counter(failures, windowStartedAt, now.plus(properties.lockoutDuration()));
            }
            return this;
        }
    }
}
