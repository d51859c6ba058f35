package org.resetflow.recoveryinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

class RecoveryRegistrationsTest {

    private final MutableClock clock = MutableClock.atSomeMoment();
    private RecoveryRegistrations registrations;

    @BeforeEach
    void freshDatabase() {
        registrations = new RecoveryRegistrations(JdbcClient.create(TestDatabases.migratedH2()), clock);
    }

    @Test
    void accountsAreKeyedByTheTrimmedLowerCaseUsername() {
        assertThat(RecoveryRegistrations.accountKey("  Jane.Doe@Example.ORG ")).isEqualTo("jane.doe@example.org");
    }

    @Test
    void anUnknownAccountHasNoContactsAndNoAnswers() {
        RecoveryInfo info = registrations.find("nobody");

        assertThat(info.alternateEmail()).isNull();
        assertThat(info.mobilePhone()).isNull();
        assertThat(info.answerHashes()).isEmpty();
        assertThat(info.confirmedAt()).isNull();
        assertThat(info.hasEmail()).isFalse();
        assertThat(info.hasMobile()).isFalse();
        assertThat(info.hasQuestions(1)).isFalse();
    }

    @Test
    void savedContactsAreFound() {
        registrations.saveContacts("jane.doe", "jane@example.org", "+12025550102");

        RecoveryInfo info = registrations.find("jane.doe");

        assertThat(info.alternateEmail()).isEqualTo("jane@example.org");
        assertThat(info.mobilePhone()).isEqualTo("+12025550102");
        assertThat(info.confirmedAt()).as("contacts alone do not confirm the registration").isNull();
    }

    @Test
    void savingContactsKeepsWhatItIsNotGiven() {
        registrations.saveContacts("jane.doe", "jane@example.org", "+12025550102");

        registrations.saveContacts("jane.doe", null, "+4915123456789");
        assertThat(registrations.find("jane.doe").alternateEmail()).isEqualTo("jane@example.org");
        assertThat(registrations.find("jane.doe").mobilePhone()).isEqualTo("+4915123456789");

        registrations.saveContacts("jane.doe", "jane.doe@example.net", null);
        assertThat(registrations.find("jane.doe").alternateEmail()).isEqualTo("jane.doe@example.net");
        assertThat(registrations.find("jane.doe").mobilePhone()).isEqualTo("+4915123456789");

        registrations.saveContacts("jane.doe", null, null);
        assertThat(registrations.find("jane.doe").alternateEmail()).isEqualTo("jane.doe@example.net");
        assertThat(registrations.find("jane.doe").mobilePhone()).isEqualTo("+4915123456789");
    }

    @Test
    void replacingAnswersReplacesAllOfThemAndConfirmsTheRegistration() {
        registrations.saveContacts("jane.doe", "jane@example.org", null);
        registrations.replaceAnswers("jane.doe", Map.of("first-pet", "hash-1", "birth-city", "hash-2", "first-car", "hash-3"));
        clock.advance(Duration.ofDays(3));
        Instant secondTime = clock.instant();

        registrations.replaceAnswers("jane.doe", Map.of("first-school", "hash-4", "first-car", "hash-5"));

        RecoveryInfo info = registrations.find("jane.doe");
        assertThat(info.answerHashes()).containsExactlyInAnyOrderEntriesOf(Map.of("first-school", "hash-4", "first-car", "hash-5"));
        assertThat(info.confirmedAt()).isEqualTo(secondTime);
        assertThat(info.alternateEmail()).isEqualTo("jane@example.org");
        assertThat(info.hasQuestions(2)).isTrue();
        assertThat(info.hasQuestions(3)).isFalse();
    }

    @Test
    void answersOfOneAccountLeaveOtherAccountsAlone() {
        registrations.replaceAnswers("jane.doe", Map.of("first-pet", "hash-1"));
        registrations.replaceAnswers("john.roe", Map.of("birth-city", "hash-2"));

        registrations.replaceAnswers("jane.doe", Map.of());

        assertThat(registrations.find("jane.doe").answerHashes()).isEmpty();
        assertThat(registrations.find("john.roe").answerHashes()).containsExactlyEntriesOf(Map.of("birth-city", "hash-2"));
    }

    @Test
    void answersAloneCreateTheRegistration() {
        registrations.replaceAnswers("jane.doe", Map.of("first-pet", "hash-1"));

        RecoveryInfo info = registrations.find("jane.doe");

        assertThat(info.confirmedAt()).isEqualTo(clock.instant());
        assertThat(info.alternateEmail()).isNull();
    }

    @Test
    void aRegistrationNeedsReconfirmationOnlyWhenConfirmedLongerAgoThanTheGivenDays() {
        registrations.confirm("jane.doe");
        RecoveryInfo info = registrations.find("jane.doe");

        clock.advance(Duration.ofDays(180));
        assertThat(registrations.needsReconfirmation(info, 180)).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(registrations.needsReconfirmation(info, 180)).isTrue();
        assertThat(registrations.needsReconfirmation(info, 181)).isFalse();
    }

    @Test
    void aRegistrationThatWasNeverConfirmedIsNotAskedToReconfirm() {
        registrations.saveContacts("jane.doe", "jane@example.org", null);
        clock.advance(Duration.ofDays(1000));

        assertThat(registrations.needsReconfirmation(registrations.find("jane.doe"), 180)).isFalse();
        assertThat(registrations.needsReconfirmation(RecoveryInfo.NONE, 180)).isFalse();
    }
}
