package org.resetflow.recoveryinfo;

import java.time.Instant;
import java.util.Map;

/**
 * What a user registered for self-service: verified contacts and hashed security answers (question id → hash).
 */
public record RecoveryInfo(String alternateEmail, String mobilePhone, Map<String, String> answerHashes, Instant confirmedAt) {

    public static final RecoveryInfo NONE = new RecoveryInfo(null, null, Map.of(), null);

    public RecoveryInfo {
        answerHashes = answerHashes == null ? Map.of() : Map.copyOf(answerHashes);
    }

    public boolean hasEmail() {
        return alternateEmail != null;
    }

    public boolean hasMobile() {
        return mobilePhone != null;
    }

    public boolean hasQuestions(int required) {
        return answerHashes.size() >= required;
    }
}
