package org.resetflow.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resetflow.directory.Account;
import org.resetflow.directory.IdentitySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The property behind Entra's fuzzy matching: every variant of every custom term at an edit distance of 1 (each
 * character changed to any other, each character left out, any character added anywhere) is found, whether it is
 * the whole password or sits inside a longer one. Generated exhaustively over printable ASCII and a few characters
 * beyond it, for Microsoft's example terms and for terms drawn at random (with a fixed seed, so a failure repeats).
 */
class EditDistanceOneVariantsTest {

    private static final String ALPHABET = IntStream.rangeClosed(' ', '~')
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "äßé€😀";

    private static final List<String> EXAMPLE_TERMS = List.of("Contoso", "London", "Widget", "acme", "Fabrikam-Northwi");

    private static final List<String> RANDOM_TERMS = randomTerms(new Random(20_26), 12);

    private static final Account SOMEONE = new Account("user", "uid=user", "Morgan Quist", "Morgan", "Quist", null,
            IdentitySource.CLOUD, null, false);

    static Stream<String> customTerms() {
        return Stream.concat(EXAMPLE_TERMS.stream(), RANDOM_TERMS.stream());
    }

    @ParameterizedTest
    @MethodSource("customTerms")
    void everyVariantIsFoundAlone(String term) {
        PasswordPolicy policy = policyWithCustomTerms(Stream.concat(EXAMPLE_TERMS.stream(), RANDOM_TERMS.stream()).toList());
        List<String> missed = new ArrayList<>();

        for (String variant : variants(term)) {
            PasswordCheck check = policy.check(variant, null, SOMEONE);
            boolean found = check.violations().stream()
                    .filter(violation -> violation.rule() == PasswordRule.BANNED_WORD)
                    .anyMatch(violation -> violation.parameters().get("found").equals(List.of(term)));
            if (!found) {
                missed.add(variant);
            }
        }

        assertThat(missed).as("variants of %s not found", term).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("customTerms")
    void everyVariantIsFoundInsideALongerPassword(String term) {
        BannedTerms terms = BannedTerms.of(List.of(), customTerms().toList());
        String expected = Normalisation.normalised(term);
        List<String> missed = new ArrayList<>();

        for (String variant : variants(term)) {
            String password = "Qx#" + variant + "#9zK";
            boolean found = terms.foundIn(Normalisation.normalise(password)).stream().anyMatch(match -> match.term().equals(expected));
            if (!found) {
                missed.add(password);
            }
        }

        assertThat(missed).as("passwords around variants of %s in which it was not found", term).isEmpty();
    }

    @Test
    void generatesEveryKindOfEdit() {
        Set<String> variants = variants("abcd");

        assertThat(variants).contains("xbcd", "abcx", "bcd", "abc", "xabcd", "abcdx", "abxcd", "ab😀cd", "Abcd")
                .doesNotContain("abcd");
        assertThat(variants).hasSize(4 * (ALPHABET.codePointCount(0, ALPHABET.length()) - 1) + 4 + 5 * ALPHABET.codePointCount(0, ALPHABET.length()) - 4);
    }

    @Test
    void aTermTwoEditsAwayIsNotFound() {
        BannedTerms terms = BannedTerms.of(List.of(), List.of("contoso"));

        assertThat(terms.foundIn(Normalisation.normalise("cantasa"))).isEmpty();
        assertThat(terms.foundIn(Normalisation.normalise("ocntsoo"))).as("a swap is two edits").isEmpty();
    }

    /** Every string at an edit distance of exactly 1 from the term, over {@link #ALPHABET}. */
    static Set<String> variants(String term) {
        int[] codePoints = term.codePoints().toArray();
        int[] alphabet = ALPHABET.codePoints().toArray();
        Set<String> variants = new LinkedHashSet<>();
        for (int i = 0; i < codePoints.length; i++) {
            variants.add(without(codePoints, i));
            for (int replacement : alphabet) {
                if (replacement != codePoints[i]) {
                    int[] changed = codePoints.clone();
                    changed[i] = replacement;
                    variants.add(new String(changed, 0, changed.length));
                }
            }
        }
        for (int i = 0; i <= codePoints.length; i++) {
            for (int addition : alphabet) {
                StringBuilder added = new StringBuilder();
                added.append(new String(codePoints, 0, i)).appendCodePoint(addition).append(new String(codePoints, i, codePoints.length - i));
                variants.add(added.toString());
            }
        }
        variants.remove(term);
        return variants;
    }

    private static String without(int[] codePoints, int index) {
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < codePoints.length; i++) {
            if (i != index) {
                rest.appendCodePoint(codePoints[i]);
            }
        }
        return rest.toString();
    }

    /** Terms of 4 to 16 letters and digits (without 0, 1, l and O, which normalisation would merge). */
    private static List<String> randomTerms(Random random, int count) {
        String characters = "abcdefghijkmnopqrstuvwxyzABCDEFGHIJKLMNPQRSTUVWXYZ23456789";
        List<String> terms = new ArrayList<>();
        while (terms.size() < count) {
            int length = 4 + random.nextInt(13);
            StringBuilder term = new StringBuilder();
            for (int i = 0; i < length; i++) {
                term.append(characters.charAt(random.nextInt(characters.length())));
            }
            terms.add(term.toString());
        }
        return terms;
    }

    private static PasswordPolicy policyWithCustomTerms(List<String> customTerms) {
        ByteArrayResource noGlobalList = new ByteArrayResource(new byte[0]);
        return new PasswordPolicy(new PasswordPolicyProperties(6, 128, 1, noGlobalList, customTerms, false, true));
    }
}
