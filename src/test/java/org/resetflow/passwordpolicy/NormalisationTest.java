package org.resetflow.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Step 1 of Microsoft Entra Password Protection: lower case, then exactly the documented substitution table. */
class NormalisationTest {

    @Test
    void lowerCasesThenSubstitutesTheDocumentedCharacters() {
        assertThat(Normalisation.normalised("Bl@nK")).isEqualTo("blank");
        assertThat(Normalisation.normalised("0 1 $ @")).isEqualTo("o l s a");
    }

    @Test
    void substitutesNothingTheDocumentationDoesNotList() {
        assertThat(Normalisation.normalised("3457!|+89")).isEqualTo("3457!|+89");
        assertThat(Normalisation.normalised("ÄÖÜé")).as("no accent folding").isEqualTo("äöüé");
        assertThat(Normalisation.normalised("ＳＵＭＭＥＲ")).as("no compatibility folding").isEqualTo("ｓｕｍｍｅｒ");
    }

    @Test
    void keepsOneCharacterForEachCharacter() {
        assertThat(Normalisation.normalise("İ😀a")).hasSize(3);
        assertThat(Normalisation.length("😀😀")).isEqualTo(2);
    }
}
