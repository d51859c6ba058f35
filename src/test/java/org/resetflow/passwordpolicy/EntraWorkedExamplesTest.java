package org.resetflow.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resetflow.passwordpolicy.PasswordRule.BANNED_WORD;
import static org.resetflow.passwordpolicy.PasswordRule.CONTAINS_NAME;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resetflow.directory.Account;
import org.resetflow.directory.IdentitySource;
import org.resetflow.shared.OrganisationProperties;
import org.springframework.core.io.ByteArrayResource;

/**
 * The examples of Microsoft's "Eliminate bad passwords using Microsoft Entra Password Protection"
 * (MicrosoftDocs/entra-docs, docs/identity/authentication/concept-password-ban-bad.md, "How are passwords
 * evaluated"), each with the lists the example assumes. Length and character classes are set so that they stay out
 * of the way: these examples are about the banned lists, the names and the score.
 */
class EntraWorkedExamplesTest {

    private static PasswordPolicy entra(List<String> globalList, List<String> customList, String organisation) {
        ByteArrayResource global = new ByteArrayResource(String.join("\n", globalList).getBytes(StandardCharsets.UTF_8));
        PasswordPolicyProperties properties = new PasswordPolicyProperties(6, 128, 1, global, customList, true, true);
        return new PasswordPolicy(properties, new OrganisationProperties(organisation, null, "https://helpdesk.example.org"));
    }

    private static Account user(String givenName, String surname) {
        return new Account("user", "uid=user", givenName + " " + surname, givenName, surname, null, IdentitySource.CLOUD, null, false);
    }

    private static final Account SOMEONE = user("Morgan", "Quist");

    @Test
    void normalisationMapsBlAtNKToTheBannedBlank() {
        PasswordCheck check = entra(List.of("blank"), List.of(), "Example Org").check("Bl@nK-", null, SOMEONE);

        assertThat(check.violations()).containsExactly(new Violation(BANNED_WORD, Map.of("found", List.of("blank"), "points", 2)));
    }

    @ParameterizedTest(name = "{0} is within an edit distance of 1 of abcdef")
    @ValueSource(strings = {"abcdeg", "abcdefg", "abcde"})
    void fuzzyMatchingFindsAbcdefInEachVariant(String candidate) {
        PasswordCheck check = entra(List.of("abcdef"), List.of(), "Example Org").check(candidate, null, SOMEONE);

        assertThat(check.violations()).filteredOn(violation -> violation.rule() == BANNED_WORD)
                .singleElement().extracting(violation -> violation.parameters().get("found")).isEqualTo(List.of("abcdef"));
    }

    @Test
    void pollsPasswordContainsHisFirstNameAndIsRefusedAlthoughItsPointsWouldReachFive() {
        PasswordCheck check = entra(List.of("blank"), List.of("contoso"), "Example Org").check("p0LL23fb", null, user("Poll", "Quist"));

        assertThat(check.violations()).as("poll23fb: no banned term, 8 points; the name alone refuses it")
                .containsExactly(new Violation(CONTAINS_NAME, Map.of("names", List.of("Poll"))));
    }

    @Test
    void theTenantsNameIsLookedForToo() {
        PasswordCheck check = entra(List.of("blank"), List.of(), "Contoso").check("C0nt0s0-Mauve-9", null, SOMEONE);

        assertThat(check.violations()).containsExactly(new Violation(CONTAINS_NAME, Map.of("names", List.of("Contoso"))));
    }

    @Test
    void namesShorterThanFourCharactersAreNotLookedFor() {
        assertThat(entra(List.of(), List.of(), "IBM").check("Ann-IBM-Kettle", null, user("Ann", "Li")).ok()).isTrue();
    }

    /** The documentation writes the normalised form as "contosoblank12"; by its own table the 1 becomes an l. */
    @Test
    void contosoBlank12ScoresFourPointsAndIsRefused() {
        PasswordCheck check = entra(List.of("blank"), List.of("contoso"), "Example Org").check("C0ntos0Blank12", null, SOMEONE);

        assertThat(check.violations()).containsExactly(
                new Violation(BANNED_WORD, Map.of("found", List.of("contoso", "blank"), "points", 4)));
    }

    @Test
    void contosoBlankF9ScoresFivePointsAndIsAccepted() {
        PasswordCheck check = entra(List.of("blank"), List.of("contoso"), "Example Org").check("ContoS0Bl@nkf9!", null, SOMEONE);

        assertThat(check.ok()).as("[contoso] + [blank] + [f] + [9] + [!] = 5 points").isTrue();
    }

    @Test
    void scoreCountsTheDocumentedPoints() {
        BannedTerms terms = BannedTerms.of(List.of("blank"), List.of("contoso"));

        assertThat(score(terms, "C0ntos0Blank12")).isEqualTo(new EntraScore(4, List.of("contoso", "blank")));
        assertThat(score(terms, "ContoS0Bl@nkf9!")).isEqualTo(new EntraScore(5, List.of("contoso", "blank")));
        assertThat(score(terms, "p0LL23fb")).isEqualTo(new EntraScore(8, List.of()));
    }

    private static EntraScore score(BannedTerms terms, String password) {
        int[] normalised = Normalisation.normalise(password);
        return EntraScore.of(normalised.length, terms.foundIn(normalised));
    }
}
