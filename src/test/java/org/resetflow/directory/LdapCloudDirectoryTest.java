package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resetflow.directory.EmbeddedDirectoriesFixture.SEED_PASSWORD;
import static org.resetflow.directory.EmbeddedDirectoriesFixture.cloudDn;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.resetflow.directory.OnPremisesPolicyRejectedException.Reason;

class LdapCloudDirectoryTest {

    private static final String NEW_PASSWORD = "Correct-Horse-42";

    @TempDir
    Path dataDirectory;

    private EmbeddedDirectoriesFixture directories;
    private LdapCloudDirectory cloud;

    @BeforeEach
    void startDirectories() {
        directories = EmbeddedDirectoriesFixture.startIn(dataDirectory);
        cloud = directories.cloudDirectory();
    }

    @AfterEach
    void stopDirectories() {
        directories.close();
    }

    @Test
    void findsAnAccountWithEveryAttributeAndItsGroups() {
        Account dave = new Account("dave", cloudDn("dave"), "Dave Dubois", "Dave", "Dubois", "dave@example.org", IdentitySource.CLOUD,
                "+1 202 555 0204", false);

        assertThat(cloud.findAccount("dave")).contains(dave);
        assertThat(cloud.groupsOf(dave)).containsExactly("helpdesk-admins", "sspr-users");
    }

    @Test
    void readsTheIdentitySourceAndTheLockOut() {
        assertThat(cloud.findAccount("bob")).get().extracting(Account::identitySource).isEqualTo(IdentitySource.SYNCED);
        assertThat(cloud.findAccount("erin")).get().extracting(Account::identitySource).isEqualTo(IdentitySource.FEDERATED);
        assertThat(cloud.findAccount("gina")).get().extracting(Account::lockedOut).isEqualTo(true);
        assertThat(cloud.findAccount("frank")).get().satisfies(frank -> {
            assertThat(cloud.groupsOf(frank)).isEmpty();
            assertThat(frank.officePhone()).isNull();
            assertThat(frank.lockedOut()).isFalse();
        });
    }

    @Test
    void findsAnAccountByItsMailAddress() {
        assertThat(cloud.findAccount("alice@example.org")).get().extracting(Account::username).isEqualTo("alice");
    }

    @Test
    void findsNothingForAnUnknownName() {
        assertThat(cloud.findAccount("nobody")).isEmpty();
    }

    @Test
    void findsNothingForANameThatMatchesTwoAccounts() throws Exception {
        try (var connection = directories.cloudAsServiceAccount()) {
            for (String uid : new String[] {"twin1", "twin2"}) {
                connection.add(new Entry(cloudDn(uid),
                        new Attribute("objectClass", "inetOrgPerson"),
                        new Attribute("uid", uid),
                        new Attribute("cn", uid),
                        new Attribute("sn", uid),
                        new Attribute("mail", "twins@example.org")));
            }
        }

        assertThat(cloud.findAccount("twins@example.org")).isEmpty();
        assertThat(cloud.findAccount("twin1")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "alice)(uid=*", "al*", "*)(objectClass=*", "alice)(|(uid=*", "\\2a"})
    void treatsFilterSyntaxInANameAsPlainText(String injection) {
        assertThat(cloud.findAccount(injection)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "ali\u0000ce", "alice\n", "bob\t"})
    void findsNothingForImplausibleNames(String name) {
        assertThat(cloud.findAccount(name)).isEmpty();
    }

    @Test
    void findsNothingForOverlongNames() {
        assertThat(cloud.findAccount("a".repeat(257))).isEmpty();
    }

    @Test
    void authenticatesWithTheRightPasswordOnly() {
        Account alice = cloud.findAccount("alice").orElseThrow();

        assertThat(cloud.authenticate(alice, SEED_PASSWORD)).isTrue();
        assertThat(cloud.authenticate(alice, "wrong-password")).isFalse();
        assertThat(cloud.authenticate(alice, "")).isFalse();
        assertThat(cloud.authenticate(alice, null)).isFalse();
    }

    @Test
    void refusesALockedOutAccountEvenWithTheRightPassword() {
        assertThat(cloud.authenticate(cloud.findAccount("gina").orElseThrow(), SEED_PASSWORD)).isFalse();
    }

    @Test
    void setsThePasswordSoThatOnlyTheNewOneWorks() throws Exception {
        Account alice = cloud.findAccount("alice").orElseThrow();

        cloud.setPassword(alice, NEW_PASSWORD, false);

        assertThat(cloud.authenticate(alice, NEW_PASSWORD)).isTrue();
        assertThat(cloud.authenticate(alice, SEED_PASSWORD)).isFalse();
        assertThat(attributeOf(alice, "pwdReset")).isNull();
    }

    @Test
    void marksAPasswordThatMustBeChangedAndUnmarksItOnTheNextReset() throws Exception {
        Account alice = cloud.findAccount("alice").orElseThrow();

        cloud.setPassword(alice, NEW_PASSWORD, true);
        assertThat(attributeOf(alice, "pwdReset")).isEqualTo("TRUE");

        cloud.setPassword(alice, "Another-Passw0rd", false);
        assertThat(attributeOf(alice, "pwdReset")).isNull();
    }

    @Test
    void aResetClearsTheLockOut() {
        Account gina = cloud.findAccount("gina").orElseThrow();

        cloud.setPassword(gina, NEW_PASSWORD, false);

        assertThat(cloud.authenticate(gina, NEW_PASSWORD)).isTrue();
        assertThat(cloud.findAccount("gina")).get().extracting(Account::lockedOut).isEqualTo(false);
    }

    @Test
    void clearingTheLockOutLetsTheAccountSignInWithItsPassword() {
        Account gina = cloud.findAccount("gina").orElseThrow();

        cloud.clearLockout(gina);

        assertThat(cloud.authenticate(gina, SEED_PASSWORD)).isTrue();
        assertThat(cloud.findAccount("gina")).get().extracting(Account::lockedOut).isEqualTo(false);
    }

    @Test
    void clearingTheLockOutOfAnAccountThatIsNotLockedIsNoError() {
        Account alice = cloud.findAccount("alice").orElseThrow();

        cloud.clearLockout(alice);

        assertThat(cloud.authenticate(alice, SEED_PASSWORD)).isTrue();
    }

    @Test
    void aRefusalByTheDirectorysOwnPasswordPolicyIsAReasonForTheUserNotAnOutage() throws Exception {
        LdapCloudDirectory withPolicy = directories.cloudDirectoryWithAPasswordPolicy();
        Account bob = withPolicy.findAccount("bob").orElseThrow();

        assertThatThrownBy(() -> withPolicy.setPassword(bob, "Sh0rt!", false))
                .isInstanceOfSatisfying(CloudPolicyRejectedException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.TOO_SHORT));
        withPolicy.setPassword(bob, NEW_PASSWORD, false);
        assertThatThrownBy(() -> withPolicy.setPassword(bob, SEED_PASSWORD, false)).as("a recent password")
                .isInstanceOfSatisfying(CloudPolicyRejectedException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.RECENTLY_USED));
        assertThat(directories.onPremisesAccepts(EmbeddedDirectoriesFixture.onPremisesDn("bob"), NEW_PASSWORD)).isTrue();
    }

    /**
     * A job that set the password and died before it could record that runs again: the same write, made as a repeat,
     * is done, not refused; made as a first attempt, it is refused (a first attempt never binds as the user).
     */
    @Test
    void writingTheNewPasswordAgainIsNoRefusal() throws Exception {
        LdapCloudDirectory withPolicy = directories.cloudDirectoryWithAPasswordPolicy();
        Account bob = withPolicy.findAccount("bob").orElseThrow();
        withPolicy.setPassword(bob, NEW_PASSWORD, false);

        withPolicy.setPasswordAgain(bob, NEW_PASSWORD, false);
        assertThatThrownBy(() -> withPolicy.setPassword(bob, NEW_PASSWORD, false)).isInstanceOf(CloudPolicyRejectedException.class);

        assertThat(directories.onPremisesAccepts(EmbeddedDirectoriesFixture.onPremisesDn("bob"), NEW_PASSWORD)).isTrue();
    }

    @Test
    void savesOnlyPasswordHashes() throws Exception {
        cloud.setPassword(cloud.findAccount("alice").orElseThrow(), NEW_PASSWORD, false);

        String saved = Files.readString(directories.cloudLdif(), StandardCharsets.UTF_8);
        assertThat(saved).doesNotContain(SEED_PASSWORD).doesNotContain(NEW_PASSWORD).contains("{SSHA256}");
        assertThat(Files.readString(directories.onPremisesLdif(), StandardCharsets.UTF_8))
                .doesNotContain(SEED_PASSWORD).contains("{SSHA256}");
    }

    @Test
    void aNewPasswordSurvivesARestart() {
        cloud.setPassword(cloud.findAccount("alice").orElseThrow(), NEW_PASSWORD, false);

        directories.restart();
        LdapCloudDirectory restarted = directories.cloudDirectory();
        Account alice = restarted.findAccount("alice").orElseThrow();

        assertThat(restarted.authenticate(alice, NEW_PASSWORD)).isTrue();
        assertThat(restarted.authenticate(alice, SEED_PASSWORD)).isFalse();
        assertThat(restarted.authenticate(restarted.findAccount("bob").orElseThrow(), SEED_PASSWORD)).isTrue();
    }

    private String attributeOf(Account account, String attribute) throws Exception {
        try (var connection = directories.cloudAsServiceAccount()) {
            return connection.getEntry(account.dn(), attribute).getAttributeValue(attribute);
        }
    }
}
