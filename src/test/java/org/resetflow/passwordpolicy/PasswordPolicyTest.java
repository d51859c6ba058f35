package org.resetflow.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.resetflow.passwordpolicy.PasswordRule.BANNED_WORD;
import static org.resetflow.passwordpolicy.PasswordRule.CONFIRMATION_MISMATCH;
import static org.resetflow.passwordpolicy.PasswordRule.CONTAINS_NAME;
import static org.resetflow.passwordpolicy.PasswordRule.NOT_ENOUGH_CHARACTER_CLASSES;
import static org.resetflow.passwordpolicy.PasswordRule.SAME_AS_CURRENT;
import static org.resetflow.passwordpolicy.PasswordRule.TOO_LONG;
import static org.resetflow.passwordpolicy.PasswordRule.TOO_SHORT;
import static org.resetflow.passwordpolicy.PasswordRule.WHITESPACE_ONLY_OR_CONTROL;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resetflow.directory.Account;
import org.resetflow.directory.IdentitySource;
import org.resetflow.shared.OrganisationProperties;
import org.springframework.core.io.ClassPathResource;

class PasswordPolicyTest {

    static final Account ALICE = new Account("alice", "uid=alice,ou=people,dc=cloud,dc=example,dc=org", "Alice Kowalski",
            "Alice", "Kowalski", "alice@example.org", IdentitySource.CLOUD, null, false);

    static PasswordPolicyProperties defaults() {
        return new PasswordPolicyProperties(8, 128, 3, new ClassPathResource("passwordpolicy/banned-passwords.txt"), List.of(), true, true);
    }

    private final PasswordPolicy policy = new PasswordPolicy(defaults());

    private List<PasswordRule> rulesBrokenBy(String candidate) {
        return policy.check(candidate, null, ALICE).violations().stream().map(Violation::rule).toList();
    }

    @Nested
    class EachRuleAlone {

        @Test
        void tooShort() {
            PasswordCheck check = policy.check("Kx7!mQ", null, ALICE);

            assertThat(check.ok()).isFalse();
            assertThat(check.violations()).containsExactly(new Violation(TOO_SHORT, Map.of("min", 8)));
        }

        @Test
        void tooLong() {
            PasswordCheck check = policy.check("Mauve-Kettle-9-".repeat(9), null, ALICE);

            assertThat(check.violations()).containsExactly(new Violation(TOO_LONG, Map.of("max", 128)));
        }

        @Test
        void notEnoughCharacterClasses() {
            PasswordCheck check = policy.check("mauvekettle42", null, ALICE);

            assertThat(check.violations()).containsExactly(new Violation(NOT_ENOUGH_CHARACTER_CLASSES, Map.of("required", 3)));
        }

        @Test
        void bannedWord() {
            assertThat(rulesBrokenBy("Summer2025")).containsExactly(BANNED_WORD);
        }

        @Test
        void containsName() {
            PasswordCheck check = policy.check("Alice2026!!xy", null, ALICE);

            assertThat(check.violations()).containsExactly(new Violation(CONTAINS_NAME, Map.of("names", List.of("Alice"))));
        }

        @Test
        void controlCharacter() {
            assertThat(rulesBrokenBy("Mauve\tKettle-9")).containsExactly(WHITESPACE_ONLY_OR_CONTROL);
        }

        @Test
        void confirmationMismatch() {
            PasswordCheck check = policy.check("Correct-Horse-Battery-9", "Correct-Horse-Battery-8", ALICE);

            assertThat(check.violations()).containsExactly(Violation.of(CONFIRMATION_MISMATCH));
        }

        @Test
        void matchingConfirmationIsFine() {
            assertThat(policy.check("Correct-Horse-Battery-9", "Correct-Horse-Battery-9", ALICE).ok()).isTrue();
        }

        @Test
        void sameAsCurrentIsAddedByTheCallerNotFoundHere() {
            PasswordCheck check = policy.check("Correct-Horse-Battery-9", null, ALICE).with(Violation.of(SAME_AS_CURRENT));

            assertThat(check.violations()).containsExactly(Violation.of(SAME_AS_CURRENT));
        }
    }

    @Test
    void reportsEveryViolationAtOnceInRuleOrder() {
        PasswordCheck check = policy.check("summer\u0000alice", "something else", ALICE);

        assertThat(check.violations()).extracting(Violation::rule).containsExactly(
                NOT_ENOUGH_CHARACTER_CLASSES, BANNED_WORD, CONTAINS_NAME, WHITESPACE_ONLY_OR_CONTROL, CONFIRMATION_MISMATCH);
    }

    @Test
    void reportsLengthClassesBannedTermAndNameTogether() {
        assertThat(policy.check("alice", "alicf", ALICE).violations()).extracting(Violation::rule)
                .containsExactly(TOO_SHORT, NOT_ENOUGH_CHARACTER_CLASSES, BANNED_WORD, CONTAINS_NAME, CONFIRMATION_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Correct-Horse-Battery-9", "Tr4vel.Kettle.Mauve", "Mauve Kettle 9!", "Äpfelkuchen47", "A\u0308pfelkuchen47",
            " Orbit-Kettle-77 ", "Lantern#Quill8"})
    void acceptsGoodPasswords(String candidate) {
        assertThat(policy.check(candidate, candidate, ALICE).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Demo-Passw0rd!", "P@ssw0rd2024!", "Summer2025", "W3lc0me!!", "1L0veY0u!", "Qw3rty!234", "Fo0tba11-Kx",
            "Wi11i@m#2024", "$unsh1ne#88", "Pr1nce$$!", "M0nk3y#Business", "Passwort!2024", "Monkey123!", "Dragon#2024", "Qwerty123!",
            "Welcome1!", "Letmein!23"})
    void refusesPasswordsBuiltOnBannedTerms(String candidate) {
        assertThat(rulesBrokenBy(candidate)).containsExactly(BANNED_WORD);
    }

    /**
     * Entra's documented table substitutes only 0, 1, $ and @, folds no accents or full-width letters, and lets a
     * banned term count one point among the others: these score 5 points or more.
     */
    @ParameterizedTest
    @ValueSource(strings = {"L3tM31n!2024", "W111ie-Mauve9", "Sommer2025!", "Fußball#2024", "ＳＵＭＭＥＲ-kettle-9", "Mauve+Dr4g0n+9",
            "Kettle_Wint3r_88", "Summer2025!"})
    void acceptsWhatTheDocumentedAlgorithmScoresAtFivePointsOrMore(String candidate) {
        assertThat(rulesBrokenBy(candidate)).isEmpty();
    }

    @Test
    void reportsTheBannedTermsFoundAndTheScore() {
        assertThat(policy.check("Demo-Passw0rd!", null, ALICE).violations())
                .containsExactly(new Violation(BANNED_WORD, Map.of("found", List.of("demon", "password1"), "points", 2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice2026!!xy", "Kettle-KOWALSKI-7", "Mauve-@lice-9", "Kow@lski#M0uve"})
    void refusesNamesAlsoBehindTheDocumentedSubstitutions(String candidate) {
        assertThat(rulesBrokenBy(candidate)).containsExactly(CONTAINS_NAME);
    }

    @Test
    void looksForEachWordOfANameAndForTheOrganisationsName() {
        Account twoWords = new Account("mj", "uid=mj", "Mary Jane Watson-Parker", "Mary Jane", "Watson-Parker", null,
                IdentitySource.CLOUD, null, false);
        PasswordPolicy withOrganisation = new PasswordPolicy(defaults(), new OrganisationProperties("Fabrikam AG", null, "https://h.example"));

        assertThat(withOrganisation.check("Kettle-Parker-9", null, twoWords).violations())
                .containsExactly(new Violation(CONTAINS_NAME, Map.of("names", List.of("Parker"))));
        assertThat(withOrganisation.check("Kettle-MaryJane-9", null, twoWords).violations())
                .containsExactly(new Violation(CONTAINS_NAME, Map.of("names", List.of("Mary", "Jane", "Mary Jane"))));
        assertThat(withOrganisation.check("F@brikam-Kettle-9", null, twoWords).violations())
                .containsExactly(new Violation(CONTAINS_NAME, Map.of("names", List.of("Fabrikam"))));
    }

    /** Entra's documented substring matching covers the first name, the last name and the tenant's name, not the username. */
    @Test
    void doesNotLookForTheUsername() {
        Account byPrincipalName = new Account("jdoe@example.org", "uid=jdoe", "J Doe", "J", "Do", null, IdentitySource.SYNCED,
                null, false);

        assertThat(policy.check("Mauve-Jdoe-Kettle-9", null, byPrincipalName).ok()).isTrue();
    }

    @Test
    void ignoresNamesShorterThanFourCharacters() {
        Account shortNames = new Account("li", "uid=li", "Li Bo", "Li", "Bo", null, IdentitySource.CLOUD, null, false);
        Account threeLetters = new Account("ann", "uid=ann", "Ann Kim", "Ann", "Kim", null, IdentitySource.CLOUD, null, false);

        assertThat(policy.check("Bolivia-Kettle-9", null, shortNames).ok()).isTrue();
        assertThat(policy.check("Anne-Kimono-Kettle-9", null, threeLetters).ok()).isTrue();
    }

    @Test
    void allowsNamesWhenConfiguredTo() {
        PasswordPolicyProperties allowNames = new PasswordPolicyProperties(8, 128, 3, defaults().bannedPasswords(), List.of(), false, true);

        assertThat(new PasswordPolicy(allowNames).check("Alice2026!!xy", null, ALICE).ok()).isTrue();
    }

    @Test
    void refusesAdditionalBannedWords() {
        PasswordPolicyProperties withCompanyName = new PasswordPolicyProperties(8, 128, 3, defaults().bannedPasswords(), List.of("Contoso"), true, true);
        PasswordPolicy withCustomList = new PasswordPolicy(withCompanyName);

        assertThat(withCustomList.check("C0nt0s0#9", null, ALICE).violations())
                .containsExactly(new Violation(BANNED_WORD, Map.of("found", List.of("Contoso"), "points", 3)));
        assertThat(withCustomList.check("C0nt@so#9", null, ALICE).violations()).as("one character changed")
                .containsExactly(new Violation(BANNED_WORD, Map.of("found", List.of("Contoso"), "points", 3)));
        assertThat(withCustomList.check("C0nt0s0-Kettle-9", null, ALICE).ok()).as("contoso counts 1 point, the 9 other characters 9").isTrue();
    }

    @Test
    void countsNonAsciiLettersByTheirCase() {
        PasswordPolicyProperties allFourClasses = new PasswordPolicyProperties(8, 128, 4, defaults().bannedPasswords(), List.of(), true, true);
        PasswordPolicy strict = new PasswordPolicy(allFourClasses);

        assertThat(strict.check("ÄÖÜßéñ4#", null, ALICE).ok()).isTrue();
        assertThat(strict.check("ÄÖÜßéñ4x", null, ALICE).violations()).extracting(Violation::rule).containsExactly(NOT_ENOUGH_CHARACTER_CLASSES);
    }

    @Test
    void countsLengthInCharactersNotCodeUnits() {
        assertThat(rulesBrokenBy("😀😀😀Ab1")).containsExactly(TOO_SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mauve\nKettle-9", "Mauve\rKettle-9", "Mauve\u0000Kettle-9", "Mauve\u007fKettle-9", "Mauve\u0085Kettle-9",
            "Mauve\u2028Kettle-9", "Mauve-Kettle-9\u001b"})
    void refusesControlCharacters(String candidate) {
        assertThat(rulesBrokenBy(candidate)).containsExactly(WHITESPACE_ONLY_OR_CONTROL);
    }

    @Test
    void refusesWhitespaceOnly() {
        assertThat(rulesBrokenBy("          ")).containsExactly(NOT_ENOUGH_CHARACTER_CLASSES, WHITESPACE_ONLY_OR_CONTROL);
        assertThat(rulesBrokenBy("\u00a0\u2003\u00a0\u2003\u00a0\u2003\u00a0\u2003")).contains(WHITESPACE_ONLY_OR_CONTROL);
    }

    @Test
    void treatsNullAsEmpty() {
        assertThat(rulesBrokenBy(null)).containsExactly(TOO_SHORT, NOT_ENOUGH_CHARACTER_CLASSES);
        assertThat(policy.check("Correct-Horse-Battery-9", null, null).ok()).isTrue();
    }

    @Test
    void handlesVeryLongInputFast() {
        String tenThousand = "Password-1!".repeat(910).substring(0, 10_000);
        policy.check(tenThousand, null, ALICE);

        PasswordCheck check = assertTimeoutPreemptively(Duration.ofMillis(200), () -> policy.check(tenThousand, tenThousand, ALICE));

        assertThat(check.violations()).containsExactly(new Violation(TOO_LONG, Map.of("max", 128)));
    }

    /** The banned terms found are list entries ("demon", "password1"), never the password's characters as typed. */
    @Test
    void neverRepeatsThePasswordInTheResult() {
        PasswordCheck check = policy.check("Demo-Passw0rd!", "Demo-Passw0rd?", ALICE);

        assertThat(check.toString()).doesNotContain("Passw0rd").doesNotContain("Demo-").doesNotContain("Demo");
    }

    @Test
    void describesTheRulesInForce() {
        assertThat(policy.describe()).containsExactly(
                new RuleDescription(TOO_SHORT, Map.of("min", 8)),
                new RuleDescription(TOO_LONG, Map.of("max", 128)),
                new RuleDescription(NOT_ENOUGH_CHARACTER_CLASSES, Map.of("required", 3)),
                new RuleDescription(BANNED_WORD, Map.of()),
                new RuleDescription(CONTAINS_NAME, Map.of()),
                new RuleDescription(SAME_AS_CURRENT, Map.of()));
        assertThat(policy.describe().get(0).messageCode()).isEqualTo("password.rule.describe.TOO_SHORT");
        assertThat(policy.describe().get(0).messageArguments()).containsExactly(8);
    }

    @Test
    void describesNoNameRuleWhenNamesAreAllowed() {
        PasswordPolicyProperties allowNames = new PasswordPolicyProperties(10, 64, 2, defaults().bannedPasswords(), List.of(), false, true);

        assertThat(new PasswordPolicy(allowNames).describe()).extracting(RuleDescription::rule)
                .containsExactly(TOO_SHORT, TOO_LONG, NOT_ENOUGH_CHARACTER_CLASSES, BANNED_WORD, SAME_AS_CURRENT);
    }

    @Test
    void checksAThousandPasswordsWellWithinASecond() {
        List<String> candidates = List.of("Correct-Horse-Battery-9", "P@ssw0rd2024!", "Alice2026!!xy", "Tr4vel.Kettle.Mauve", "W111ie-Mauve9");
        for (int i = 0; i < 200; i++) {
            policy.check(candidates.get(i % candidates.size()), null, ALICE);
        }

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (int i = 0; i < 1000; i++) {
                policy.check(candidates.get(i % candidates.size()), candidates.get(i % candidates.size()), ALICE);
            }
        });
    }

    @Test
    void violationCarriesItsMessageKeyAndArguments() {
        Violation tooShort = new Violation(TOO_SHORT, Map.of("min", 8));

        assertThat(tooShort.messageCode()).isEqualTo("password.rule.TOO_SHORT");
        assertThat(tooShort.messageArguments()).containsExactly(8);
    }
}
