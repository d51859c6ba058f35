package org.resetflow.escalation;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.resetflow.directory.Account;
import org.resetflow.passwordpolicy.PasswordPolicy;
import org.resetflow.secret.SecretVault;
import org.springframework.stereotype.Component;

/**
 * Temporary passwords that administrators hand over after an out-of-band identity check: generated to the
 * policy, sealed, and revealed exactly once to a helpdesk administrator.
 */
@Component
public class TemporaryPasswords {

    private static final String PURPOSE = "temporary-password";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-.!#%+=";
    private static final Duration HANDOVER_WINDOW = Duration.ofDays(1);
    private static final int LENGTH = 16;

    private final SecureRandom random = new SecureRandom();
    private final PasswordPolicy policy;
    private final SecretVault vault;

    public TemporaryPasswords(PasswordPolicy policy, SecretVault vault) {
        this.policy = policy;
        this.vault = vault;
    }

    /**
     * 16 characters without look-alikes (or the policy's minimum length when that is longer, as with the NIST
     * preset's 15 plus a raised minimum), from all four classes, checked against the policy.
     */
    public String generate(Account account) {
        int length = Math.max(LENGTH, policy.minLength());
        for (int attempt = 0; attempt < 100; attempt++) {
            String candidate = candidate(length);
            if (policy.check(candidate, null, account).ok()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not generate a temporary password that meets the password policy");
    }

    public void keepForHandover(String journeyId, String password) {
        vault.seal(journeyId, PURPOSE, password, HANDOVER_WINDOW);
    }

    /** Whether a temporary password of the journey waits to be collected (without revealing it). */
    public boolean isWaiting(String journeyId) {
        return vault.open(journeyId, PURPOSE).isPresent();
    }

    /** The temporary password of the journey, once: the first call removes it. */
    public Optional<String> handOver(String journeyId) {
        Optional<String> password = vault.open(journeyId, PURPOSE);
        vault.discard(journeyId, PURPOSE);
        return password;
    }

    private String candidate(int length) {
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        char[] chars = new char[length];
        chars[0] = pick(UPPER);
        chars[1] = pick(LOWER);
        chars[2] = pick(DIGITS);
        chars[3] = pick(SYMBOLS);
        for (int i = 4; i < chars.length; i++) {
            chars[i] = pick(all);
        }
        for (int i = chars.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = chars[i];
            chars[i] = chars[j];
            chars[j] = swap;
        }
        return new String(chars);
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
