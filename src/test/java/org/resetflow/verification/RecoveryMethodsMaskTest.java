package org.resetflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.resetflow.shared.Method;

/** The hints shown after the first gate: enough to recognise one's own address, too little to learn it. */
class RecoveryMethodsMaskTest {

    @Test
    void anEmailAddressShowsItsFirstLetterAndItsDomain() {
        assertThat(RecoveryMethods.mask(Method.EMAIL, "jane.doe@example.org")).isEqualTo("j***@example.org");
    }

    @Test
    void anEmailAddressWithoutALocalPartShowsNothing() {
        assertThat(RecoveryMethods.mask(Method.EMAIL, "@example.org")).isEqualTo("***");
        assertThat(RecoveryMethods.mask(Method.EMAIL, "no-at-sign")).isEqualTo("***");
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"SMS", "VOICE_MOBILE", "VOICE_OFFICE"})
    void aPhoneNumberShowsItsCountryCodeAndItsLastTwoDigits(Method method) {
        assertThat(RecoveryMethods.mask(method, "+12025550167")).isEqualTo("+1 *** *** **67");
    }

    @ParameterizedTest
    @CsvSource({
            "+447700900123,   +44 *** *** **23",
            "+4915123456789,  +49 *** *** **89",
            "+49301234567,    +49 *** *** **67",
            "+493012345678,   +49 *** *** **78",
            "+33612345678,    +33 *** *** **78",
            "+3531234567,     +353 *** *** **67",
    })
    void theCountryCodeIsRightWhateverTheLengthOfTheNationalNumber(String number, String hint) {
        assertThat(RecoveryMethods.mask(Method.SMS, number)).isEqualTo(hint);
    }

    @Test
    void aHintNeverShowsMoreThanTheCountryCodeAndTwoDigits() {
        String hint = RecoveryMethods.mask(Method.SMS, "+12025550167");

        assertThat(hint.replaceAll("\\D", "")).isEqualTo("167");
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void nothingRegisteredGivesNoHint(Method method) {
        assertThat(RecoveryMethods.mask(method, null)).isEmpty();
        assertThat(RecoveryMethods.mask(method, " ")).isEmpty();
    }
}
