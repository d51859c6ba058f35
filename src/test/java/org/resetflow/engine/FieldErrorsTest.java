package org.resetflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void codesAndParametersSurviveTheRoundTrip() {
        FieldErrors errors = new FieldErrors().add("password", "TOO_SHORT:8").add("password", "BANNED_WORD").add("code", "CODE_WRONG");

        assertThat(FieldErrors.decode(errors.encode()).asMap())
                .containsExactly(Map.entry("password", List.of("TOO_SHORT:8", "BANNED_WORD")), Map.entry("code", List.of("CODE_WRONG")));
    }

    @Test
    void aParameterWithTheEncodingsSeparatorsStaysOneCode() {
        FieldErrors errors = new FieldErrors().add("password", "CONTAINS_NAME:username, givenName; x=y");

        assertThat(FieldErrors.decode(errors.encode()).asMap().get("password")).hasSize(1).first().asString().startsWith("CONTAINS_NAME:");
    }

    @Test
    void aCodeCarriesSeveralParametersAndListsThroughTheRoundTrip() {
        String code = FieldErrors.code("BANNED_WORD", List.of(List.of("contoso", "pass:word|1"), 4));
        FieldErrors errors = new FieldErrors().add("password", code);

        String decoded = FieldErrors.decode(errors.encode()).asMap().get("password").get(0);

        assertThat(decoded).isEqualTo("BANNED_WORD:contoso|pass/word/1:4");
        assertThat(FieldErrors.codeOf(decoded)).isEqualTo("BANNED_WORD");
        assertThat(FieldErrors.argumentsOf(decoded)).containsExactly("contoso, pass/word/1", "4");
        assertThat(FieldErrors.argumentsOf("TOO_SHORT:8")).containsExactly("8");
        assertThat(FieldErrors.argumentsOf("CODE_WRONG")).isEmpty();
        assertThat(FieldErrors.code("SAME_AS_CURRENT", List.of())).isEqualTo("SAME_AS_CURRENT");
    }

    @Test
    void nothingDecodesToNothing() {
        assertThat(FieldErrors.decode(null).isEmpty()).isTrue();
        assertThat(FieldErrors.decode(" ").isEmpty()).isTrue();
    }
}
