package org.resetflow.passwordpolicy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resetflow.directory.Account;
import org.resetflow.shared.OrganisationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The password policy: checks a new password and describes the rules in force. Whether the password
 * equals the current one needs a directory bind and is checked elsewhere
 * ({@link PasswordRule#SAME_AS_CURRENT}).
 *
 * <p>{@link PasswordPreset} decides how the banned lists and names are checked: Microsoft Entra Password
 * Protection's algorithm ({@link EntraPasswordProtection}, the default) or NIST SP 800-63B-4's whole-password
 * blocklist ({@link NistBlocklist}). Everything costly (the banned terms' index) is built once, here; a check
 * takes microseconds.
 * Thread-safe. Never logs a password, and no exception carries one.
 */
@Component
public class PasswordPolicy {

    private static final Logger log = LoggerFactory.getLogger(PasswordPolicy.class);

    private final PasswordPolicyProperties properties;
    private final LengthAndCharacterClassRules lengthAndCharacterClasses;
    private final BlocklistRules blocklist;
    private final Map<PasswordRule, Map<String, Object>> parameters;
    private final List<RuleDescription> rulesInForce;

    /** Without the organisation's name, which then is not looked for. */
    public PasswordPolicy(PasswordPolicyProperties properties) {
        this(properties, null);
    }

    @Autowired
    public PasswordPolicy(PasswordPolicyProperties properties, OrganisationProperties organisation) {
        this.properties = properties;
        this.lengthAndCharacterClasses = new LengthAndCharacterClassRules(
                properties.minLength(), properties.maxLength(), properties.characterClasses());
        BannedTerms bannedTerms = BannedTerms.load(properties.bannedPasswords(), properties.additionalBannedWords());
        AccountNames names = new AccountNames(organisation == null ? null : organisation.name());
        this.blocklist = properties.preset() == PasswordPreset.NIST
                ? new NistBlocklist(bannedTerms, names, properties.rejectNames())
                : new EntraPasswordProtection(bannedTerms, names, properties.rejectNames());
        this.parameters = Map.of(
                PasswordRule.TOO_SHORT, Map.of("min", properties.minLength()),
                PasswordRule.TOO_LONG, Map.of("max", properties.maxLength()),
                PasswordRule.NOT_ENOUGH_CHARACTER_CLASSES, Map.of("required", properties.characterClasses()));
        this.rulesInForce = describeRulesInForce();
        log.info("Password policy: preset {}, {} to {} characters from {} of 4 character classes, {} banned terms, names {}",
                properties.preset().name().toLowerCase(Locale.ROOT), properties.minLength(), properties.maxLength(),
                properties.characterClasses(), bannedTerms.size(), properties.rejectNames() ? "refused" : "allowed");
    }

    /**
     * Checks a new password against every rule and reports every violation at once.
     *
     * @param candidate    the new password; {@code null} counts as empty
     * @param confirmation the password typed a second time, or {@code null} when the client did not ask for it
     * @param account      the account the password is for, whose names it must not contain; may be {@code null}
     */
    public PasswordCheck check(String candidate, String confirmation, Account account) {
        String password = candidate == null ? "" : Normalizer.normalize(candidate, Normalizer.Form.NFC);
        List<Violation> violations = new ArrayList<>();
        lengthAndCharacterClasses.violatedBy(password)
                .forEach(rule -> violations.add(new Violation(rule, parameters.get(rule))));
        boolean tooLong = violations.stream().anyMatch(violation -> violation.rule() == PasswordRule.TOO_LONG);
        // Refused anyway; not searching an over-long input keeps a request from burning CPU on it.
        if (!tooLong) {
            violations.addAll(blocklist.violatedBy(password, account));
        }
        if (isWhitespaceOnlyOrHasControlCharacters(password)) {
            violations.add(Violation.of(PasswordRule.WHITESPACE_ONLY_OR_CONTROL));
        }
        if (confirmation != null && !confirmation.equals(candidate)) {
            violations.add(Violation.of(PasswordRule.CONFIRMATION_MISMATCH));
        }
        return new PasswordCheck(violations);
    }

    /** The rules in force, with their parameters, to show before the user types. */
    public List<RuleDescription> describe() {
        return rulesInForce;
    }

    /** The fewest characters a password may have, for passwords made to measure. */
    public int minLength() {
        return properties.minLength();
    }

    private List<RuleDescription> describeRulesInForce() {
        List<RuleDescription> rules = new ArrayList<>();
        rules.add(new RuleDescription(PasswordRule.TOO_SHORT, parameters.get(PasswordRule.TOO_SHORT)));
        rules.add(new RuleDescription(PasswordRule.TOO_LONG, parameters.get(PasswordRule.TOO_LONG)));
        if (properties.characterClasses() > 0) {
            rules.add(new RuleDescription(PasswordRule.NOT_ENOUGH_CHARACTER_CLASSES, parameters.get(PasswordRule.NOT_ENOUGH_CHARACTER_CLASSES)));
        }
        rules.addAll(blocklist.describe());
        rules.add(new RuleDescription(PasswordRule.SAME_AS_CURRENT, Map.of()));
        return List.copyOf(rules);
    }

    /** Spaces inside a password are fine; a password of spaces only, or with tabs or line breaks, is not. */
    private static boolean isWhitespaceOnlyOrHasControlCharacters(String password) {
        boolean onlyWhitespace = !password.isEmpty();
        for (int i = 0; i < password.length(); ) {
            int codePoint = password.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return true;
            }
            onlyWhitespace &= Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
            i += Character.charCount(codePoint);
        }
        return onlyWhitespace;
    }
}
