package org.resetflow.recoveryinfo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recovery information users registered, in {@code rf_recovery_registration} and {@code rf_security_answer}. */
@Repository
public class RecoveryRegistrations {

    private final JdbcClient jdbc;
    private final Clock clock;

    public RecoveryRegistrations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Accounts are keyed by their lower-case username so lookups do not depend on how the user typed it. */
    public static String accountKey(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    public RecoveryInfo find(String accountKey) {
        Map<String, String> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT question_id, answer_hash FROM rf_security_answer WHERE account_key = ? ORDER BY question_id")
                .param(accountKey)
                .query(rs -> {
                    answers.put(rs.getString(1), rs.getString(2));
                });
        List<RecoveryInfo> rows = jdbc.sql("SELECT alternate_email, mobile_phone, confirmed_at FROM rf_recovery_registration WHERE account_key = ?")
                .param(accountKey)
                .query((rs, n) -> new RecoveryInfo(rs.getString(1), rs.getString(2), answers,
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
        return rows.isEmpty() ? new RecoveryInfo(null, null, answers, null) : rows.get(0);
    }

    /** How many accounts registered recovery information. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM rf_recovery_registration").query(Long.class).single();
    }

    /** Stores verified contacts; a null contact keeps what was registered before. */
    public void saveContacts(String accountKey, String alternateEmail, String mobilePhone) {
        Timestamp now = Timestamp.from(clock.instant());
        ensureRow(accountKey, now);
        if (alternateEmail != null) {
            jdbc.sql("UPDATE rf_recovery_registration SET alternate_email = ?, alternate_email_verified = ?, updated_at = ? WHERE account_key = ?")
                    .params(alternateEmail, now, now, accountKey).update();
        }
        if (mobilePhone != null) {
            jdbc.sql("UPDATE rf_recovery_registration SET mobile_phone = ?, mobile_phone_verified = ?, updated_at = ? WHERE account_key = ?")
                    .params(mobilePhone, now, now, accountKey).update();
        }
    }

    /** Replaces the security answers with new hashes and marks the registration as confirmed now. */
    public void replaceAnswers(String accountKey, Map<String, String> answerHashes) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("DELETE FROM rf_security_answer WHERE account_key = ?").param(accountKey).update();
        answerHashes.forEach((questionId, hash) ->
                jdbc.sql("INSERT INTO rf_security_answer (account_key, question_id, answer_hash, registered_at) VALUES (?, ?, ?, ?)")
                        .params(accountKey, questionId, hash, now).update());
        confirm(accountKey);
    }

    /**
     * Replaces one answer's hash with a new hash of the same answer (made with today's parameters), unless the answer
     * changed meanwhile: only a row that still holds {@code oldHash} is changed. The registration keeps its dates.
     *
     * @return whether the hash was replaced
     */
    public boolean rehashAnswer(String accountKey, String questionId, String oldHash, String newHash) {
        return jdbc.sql("UPDATE rf_security_answer SET answer_hash = ? WHERE account_key = ? AND question_id = ? AND answer_hash = ?")
                .params(newHash, accountKey, questionId, oldHash).update() == 1;
    }

    public void confirm(String accountKey) {
        Timestamp now = Timestamp.from(clock.instant());
        ensureRow(accountKey, now);
        jdbc.sql("UPDATE rf_recovery_registration SET confirmed_at = ?, updated_at = ? WHERE account_key = ?")
                .params(now, now, accountKey).update();
    }

    public boolean needsReconfirmation(RecoveryInfo info, int reconfirmAfterDays) {
        Instant confirmedAt = info.confirmedAt();
        return confirmedAt != null && confirmedAt.plus(java.time.Duration.ofDays(reconfirmAfterDays)).isBefore(clock.instant());
    }

    private void ensureRow(String accountKey, Timestamp now) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM rf_recovery_registration WHERE account_key = ?")
                .param(accountKey).query(Integer.class).single();
        if (existing == 0) {
            jdbc.sql("INSERT INTO rf_recovery_registration (account_key, updated_at) VALUES (?, ?)").params(accountKey, now).update();
        }
    }
}
