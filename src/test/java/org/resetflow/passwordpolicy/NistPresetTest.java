package org.resetflow.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resetflow.passwordpolicy.PasswordRule.ON_BLOCKLIST;
import static org.resetflow.passwordpolicy.PasswordRule.SAME_AS_CURRENT;
import static org.resetflow.passwordpolicy.PasswordRule.TOO_LONG;
import static org.resetflow.passwordpolicy.PasswordRule.TOO_SHORT;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resetflow.directory.Account;
import org.resetflow.directory.IdentitySource;
import org.resetflow.shared.OrganisationProperties;
import org.springframework.core.io.ClassPathResource;

/** {@code resetflow.password-policy.preset: nist}: NIST SP 800-63B-4, section 3.1.1.2. */
class NistPresetTest {

    static PasswordPolicyProperties nist(boolean singleFactor) {
        return new PasswordPolicyProperties(PasswordPreset.NIST, null, null, null, new ClassPathResource("passwordpolicy/banned-passwords.txt"),
                List.of("Contoso Widgets"), true, true, singleFactor);
    }

    private static final Account ALICE = PasswordPolicyTest.ALICE;

    private final PasswordPolicy policy = new PasswordPolicy(nist(true),
            new OrganisationProperties("Northwind Traders Ltd", null, "https://helpdesk.example.org"));

    private List<PasswordRule> rulesBrokenBy(String candidate) {
        return policy.check(candidate, null, ALICE).violations().stream().map(Violation::rule).toList();
    }

    @Test
    void needsFifteenCharactersWhenThePasswordIsTheOnlyFactorAndEightOtherwise() {
        assertThat(policy.check("mauve kettle 9", null, ALICE).violations()).containsExactly(new Violation(TOO_SHORT, Map.of("min", 15)));
        assertThat(policy.check("mauve kettle 93", null, ALICE).ok()).isTrue();
        assertThat(new PasswordPolicy(nist(false)).check("kettle93", null, ALICE).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"all lower case and spaces", "ONLY UPPER CASE HERE", "123456789012345678", "ÄÖÜßéñ→→→→→→→→→→"})
    void imposesNoCompositionRules(String candidate) {
        assertThat(rulesBrokenBy(candidate)).isEmpty();
    }

    @Test
    void allowsAtLeastSixtyFourCharacters() {
        String sixtyFour = "a long passphrase that keeps going and going on the kettle hill!";

        assertThat(sixtyFour).hasSize(64);
        assertThat(rulesBrokenBy(sixtyFour)).isEmpty();
        assertThat(rulesBrokenBy("x".repeat(129))).containsExactly(TOO_LONG);
    }

    /** The shipped list's entries are 4 to 16 characters long: with 15 characters required, few of them still matter. */
    @ParameterizedTest
    @ValueSource(strings = {"mailcreated5240", "POLNIYPIZDEC0211"})
    void comparesTheWholePasswordWithTheBlocklist(String candidate) {
        assertThat(rulesBrokenBy(candidate)).containsExactly(ON_BLOCKLIST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P@ssw0rd", "Passw0rd", "1qaz2wsx3edc", "LeaveMeAlone"})
    void comparesTheWholePasswordAsPartOfMultiFactorAuthentication(String candidate) {
        assertThat(new PasswordPolicy(nist(false)).check(candidate, null, ALICE).violations()).containsExactly(Violation.of(ON_BLOCKLIST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password is not my password", "dragon monkey football", "Summer2025-Summer2025"})
    void neverMatchesSubstringsOrWordsInside(String candidate) {
        assertThat(rulesBrokenBy(candidate)).isEmpty();
    }

    @Test
    void comparesContextSpecificWordsAsAWhole() {
        Account longNames = new Account("constantinopolitan@example.org", "uid=c", "Bartholomew Featherstonehaugh", "Bartholomew",
                "Featherstonehaugh", null, IdentitySource.CLOUD, null, false);

        assertThat(policy.check("Featherstonehaugh", null, longNames).violations()).containsExactly(Violation.of(ON_BLOCKLIST));
        assertThat(policy.check("Constantinopolitan", null, longNames).violations()).as("the username without its domain")
                .containsExactly(Violation.of(ON_BLOCKLIST));
        assertThat(policy.check("NorthwindTradersLtd", null, longNames).violations()).as("the organisation's name")
                .containsExactly(Violation.of(ON_BLOCKLIST));
        assertThat(policy.check("contoso widgets", null, longNames).violations()).as("a custom term").containsExactly(Violation.of(ON_BLOCKLIST));
        assertThat(policy.check("Featherstonehaugh's kettle", null, longNames).ok()).isTrue();
    }

    @Test
    void describesItsRules() {
        assertThat(policy.describe()).extracting(RuleDescription::rule).containsExactly(TOO_SHORT, TOO_LONG, ON_BLOCKLIST, SAME_AS_CURRENT);
        assertThat(policy.describe().get(0).parameters()).isEqualTo(Map.of("min", 15));
    }
}
