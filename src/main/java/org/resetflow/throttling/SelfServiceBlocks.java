package org.resetflow.throttling;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts whose self-service is blocked until the helpdesk lifts it: the owner reported a recovery as not theirs.
 * Unlike a lock-out by failed proofs, a block has no end time. Each report blocks on its own, so an account stays
 * blocked while any of its reports is open. Runs inside the caller's transaction, like {@link ProofThrottle}.
 */
@Component
public class SelfServiceBlocks {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SelfServiceBlocks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Blocks the account until the block of this report is lifted. */
    public void block(String accountKey, String reportId) {
        jdbc.sql("INSERT INTO rf_self_service_block (report_id, counter_key, blocked_at) VALUES (?, ?, ?)")
                .params(reportId, key(accountKey), Timestamp.from(clock.instant()))
                .update();
    }

    /** Lifts the block of this report; the account stays blocked by any other open report. */
    public void lift(String reportId) {
        jdbc.sql("DELETE FROM rf_self_service_block WHERE report_id = ?").param(reportId).update();
    }

    public boolean isBlocked(String accountKey) {
        return jdbc.sql("SELECT COUNT(*) FROM rf_self_service_block WHERE counter_key = ?").param(key(accountKey))
                .query(Integer.class).single() > 0;
    }

    private static String key(String accountKey) {
        return "block:" + accountKey;
    }
}
