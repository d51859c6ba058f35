package org.resetflow.recoveryinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactsTest {

    private final Contacts contacts = new Contacts(new ContactProperties("US"));

    @Test
    void emailAddressesAreTrimmedAndLowerCased() {
        assertThat(contacts.email("  Jane.Doe@Example.ORG ")).contains("jane.doe@example.org");
        assertThat(contacts.email("jane+sspr@mail.example.co.uk")).contains("jane+sspr@mail.example.co.uk");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "jane", "jane@", "@example.org", "jane@example", "jane@example.o", "jane doe@example.org",
            "jane@@example.org", "jane@exa mple.org", "jane@example.org\nbcc@evil.example"})
    void invalidEmailAddressesAreRefused(String typed) {
        assertThat(contacts.email(typed)).isEmpty();
    }

    @Test
    void overlongEmailAddressesAreRefused() {
        assertThat(contacts.email("j".repeat(65) + "@example.org")).isEmpty();
        assertThat(contacts.email("jane@" + "a".repeat(312) + ".org")).isEmpty();
        assertThat(contacts.email("j".repeat(64) + "@example.org")).isPresent();
        assertThat(contacts.email("jane@" + "a".repeat(311) + ".org")).as("320 characters").isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 202 555 0102", "(202) 555-0102", "+12025550102", "202.555.0102", " 2025550102 "})
    void phoneNumbersBecomeE164(String typed) {
        assertThat(contacts.phone(typed)).contains("+12025550102");
    }

    @Test
    void numbersWithoutCountryCodeAreReadInTheDefaultRegion() {
        Contacts inGermany = new Contacts(new ContactProperties("DE"));

        assertThat(inGermany.phone("0151 23456789")).contains("+4915123456789");
        assertThat(inGermany.phone("030 12345678")).contains("+493012345678");
        assertThat(inGermany.phone("+1 202 555 0102")).contains("+12025550102");
    }

    @Test
    void aNumberWithCountryCodeIsReadInItsOwnCountry() {
        assertThat(contacts.phone("+49 151 23456789")).contains("+4915123456789");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "call me", "12", "+", "+1 202", "555-0102", "+49 151", "jane@example.org", "+999 123 456 789"})
    void garbageIsNoPhoneNumber(String typed) {
        assertThat(contacts.phone(typed)).isEmpty();
    }

    @Test
    void overlongInputIsRefusedBeforeParsing() {
        assertThat(contacts.phone("+1 202 555 0102" + " ".repeat(26))).isEmpty();
        assertThat(contacts.phone("1".repeat(41))).isEmpty();
        assertThat(contacts.phone("+1 202 555 0102" + " ".repeat(25))).contains("+12025550102");
    }
}
