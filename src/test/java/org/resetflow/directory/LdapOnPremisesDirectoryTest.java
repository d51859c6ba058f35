package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resetflow.directory.EmbeddedDirectoriesFixture.SEED_PASSWORD;
import static org.resetflow.directory.EmbeddedDirectoriesFixture.onPremisesDn;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetflow.directory.OnPremisesPolicyRejectedException.Reason;

class LdapOnPremisesDirectoryTest {

    private static final String NEW_PASSWORD = "Correct-Horse-42";

    @TempDir
    Path dataDirectory;

    private EmbeddedDirectoriesFixture directories;
    private LdapOnPremisesDirectory onPremises;
    private Account bob;

    @BeforeEach
    void startDirectories() {
        directories = EmbeddedDirectoriesFixture.startIn(dataDirectory);
        onPremises = directories.onPremisesDirectory();
        bob = directories.cloudDirectory().findAccount("bob").orElseThrow();
    }

    @AfterEach
    void stopDirectories() {
        directories.close();
    }

    @Test
    void writesThePasswordBackSoThatOnlyTheNewOneWorks() throws Exception {
        onPremises.setPassword(bob, NEW_PASSWORD, false);

        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), NEW_PASSWORD)).isTrue();
        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), SEED_PASSWORD)).isFalse();
        assertThat(onPremisesAttribute("bob", "pwdReset")).isNull();
    }

    @Test
    void marksAPasswordThatMustBeChanged() throws Exception {
        onPremises.setPassword(bob, NEW_PASSWORD, true);

        assertThat(onPremisesAttribute("bob", "pwdReset")).isEqualTo("TRUE");
    }

    @Test
    void refusesATooShortPasswordAndKeepsTheOldOne() throws Exception {
        assertThatThrownBy(() -> onPremises.setPassword(bob, "Sh0rt!", false))
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.TOO_SHORT))
                .hasMessage("password is too short for the on-premises policy");

        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), SEED_PASSWORD)).isTrue();
    }

    @Test
    void refusesTheCurrentPassword() {
        assertThatThrownBy(() -> onPremises.setPassword(bob, SEED_PASSWORD, false))
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.RECENTLY_USED))
                .hasMessageNotContaining(SEED_PASSWORD);
    }

    @Test
    void refusesARecentPasswordAndAcceptsOneOlderThanTheHistory() throws Exception {
        for (int change = 1; change < EmbeddedDirectoriesFixture.RECENT_PASSWORDS; change++) {
            onPremises.setPassword(bob, "Passphrase-" + change, false);
        }
        assertThatThrownBy(() -> onPremises.setPassword(bob, SEED_PASSWORD, false))
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.RECENTLY_USED));

        onPremises.setPassword(bob, "Passphrase-" + EmbeddedDirectoriesFixture.RECENT_PASSWORDS, false);
        onPremises.setPassword(bob, SEED_PASSWORD, false);

        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), SEED_PASSWORD)).isTrue();
        assertThat(Files.readString(directories.onPremisesLdif(), StandardCharsets.UTF_8))
                .containsPattern("pwdHistory: \\d{14}\\.\\d{3}Z#\\{SSHA256}")
                .doesNotContain("Passphrase-")
                .doesNotContain(SEED_PASSWORD);
    }

    @Test
    void aWriteRepeatedAfterItsJobDiedRecognisesItsOwnEarlierSuccess() throws Exception {
        onPremises.setPassword(bob, NEW_PASSWORD, false);
        assertThatThrownBy(() -> onPremises.setPassword(bob, NEW_PASSWORD, false))
                .as("what a plain repeat meets: the history refuses the password just set")
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.RECENTLY_USED));

        onPremises.setPasswordAgain(bob, NEW_PASSWORD, false);

        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), NEW_PASSWORD)).isTrue();
        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), SEED_PASSWORD)).isFalse();
    }

    @Test
    void aRepeatMakesTheRestOfTheWriteThatTheFirstAttemptDidNotReach() throws Exception {
        onPremises.setPassword(bob, NEW_PASSWORD, true);
        assertThat(onPremisesAttribute("bob", "pwdReset")).isEqualTo("TRUE");

        onPremises.setPasswordAgain(bob, NEW_PASSWORD, false);

        assertThat(onPremisesAttribute("bob", "pwdReset")).isNull();
    }

    @Test
    void aRepeatStillRefusesAPasswordItDidNotSet() throws Exception {
        onPremises.setPassword(bob, NEW_PASSWORD, false);

        assertThatThrownBy(() -> onPremises.setPasswordAgain(bob, SEED_PASSWORD, false))
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.RECENTLY_USED));
        assertThatThrownBy(() -> onPremises.setPasswordAgain(bob, "Sh0rt!", false))
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.TOO_SHORT));
        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), NEW_PASSWORD)).isTrue();
    }

    @Test
    void anAccountMissingOnPremisesIsATechnicalFailure() {
        Account alice = directories.cloudDirectory().findAccount("alice").orElseThrow();

        assertThatThrownBy(() -> onPremises.setPassword(alice, NEW_PASSWORD, false))
                .isInstanceOf(DirectoryUnavailableException.class)
                .hasMessageContaining("not found on-premises")
                .hasMessageNotContaining(NEW_PASSWORD);
    }

    @Test
    void aProbeAsksWhatTheProtectionCheckAsksAndFailsLikeItWhenTheDirectoryIsDown() {
        onPremises.probe("bob");
        onPremises.probe("nobody-at-all");

        directories.takeDown();

        assertThatThrownBy(() -> onPremises.isProtected(bob)).isInstanceOf(DirectoryUnavailableException.class);
        assertThatThrownBy(() -> onPremises.probe("nobody-at-all")).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void clearingTheLockOutLetsTheAccountSignInAgain() throws Exception {
        try (var connection = directories.onPremisesAsServiceAccount()) {
            connection.modify(onPremisesDn("bob"), new Modification(ModificationType.ADD, "pwdAccountLockedTime", "20260101000000Z"));
        }
        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), SEED_PASSWORD)).isFalse();

        onPremises.clearLockout(bob);

        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), SEED_PASSWORD)).isTrue();
        onPremises.clearLockout(bob); // again: not locked is no error
    }

    private String onPremisesAttribute(String uid, String attribute) throws Exception {
        try (var connection = directories.onPremisesAsServiceAccount()) {
            return connection.getEntry(onPremisesDn(uid), attribute).getAttributeValue(attribute);
        }
    }
}
