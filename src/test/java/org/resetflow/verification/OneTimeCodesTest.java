package org.resetflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OneTimeCodesTest {

    private static OneTimeCodes codes(int length) {
        return new OneTimeCodes(new VerificationProperties(length, Duration.ofMinutes(10), Duration.ofMinutes(15), 3, "R3/PT10S"));
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 8, 12})
    void aCodeHasTheConfiguredNumberOfDigitsAndNothingElse(int length) {
        OneTimeCodes codes = codes(length);

        for (int i = 0; i < 100; i++) {
            assertThat(codes.next()).matches("[0-9]{" + length + "}");
        }
    }

    @Test
    void codesAreNotAllEqualAndUseEveryDigit() {
        OneTimeCodes codes = codes(8);
        Set<String> drawn = new HashSet<>();
        Set<Integer> digits = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            String code = codes.next();
            drawn.add(code);
            code.chars().forEach(digits::add);
        }

        assertThat(drawn).hasSizeGreaterThan(900);
        assertThat(digits).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed('0', '9').boxed().toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12345678      | 12345678",
            "1234 5678     | 12345678",
            "1234-5678     | 12345678",
            "' 12 34-56 78 ' | 12345678",
    })
    void normalisingRemovesSpacesAndDashes(String typed, String code) {
        assertThat(OneTimeCodes.normalise(typed)).isEqualTo(code);
    }

    @Test
    void normalisingKeepsEverythingElseAndToleratesNothing() {
        assertThat(OneTimeCodes.normalise("1234\t5678\n")).isEqualTo("12345678");
        assertThat(OneTimeCodes.normalise("12ab")).isEqualTo("12ab");
        assertThat(OneTimeCodes.normalise(null)).isEmpty();
    }
}
