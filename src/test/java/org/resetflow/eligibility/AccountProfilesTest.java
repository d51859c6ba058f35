package org.resetflow.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resetflow.directory.Account;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.directory.DirectoryUnavailableException;
import org.resetflow.directory.IdentitySource;
import org.resetflow.directory.OnPremisesDirectory;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.recoveryinfo.Passkeys;
import org.resetflow.recoveryinfo.RecoveryInfo;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;
import org.resetflow.shared.Method;
import org.resetflow.verification.AuthenticatorAppProperties;
import org.resetflow.verification.PasskeyProperties;
import org.resetflow.verification.RecoveryMethods;

class AccountProfilesTest {

    static final Set<Method> ALL_METHODS = EnumSet.allOf(Method.class);
    static final RegistrationProperties REGISTRATION = new RegistrationProperties(3, 180, List.of("first-pet", "birth-city", "first-school"));

    final CloudDirectory cloud = mock(CloudDirectory.class);
    final OnPremisesDirectory onPremises = mock(OnPremisesDirectory.class);
    final RecoveryMethods recoveryMethods = mock(RecoveryMethods.class);
    final RecoveryRegistrations registrations = mock(RecoveryRegistrations.class);

    static PolicyProperties policy(Set<Method> methods, boolean writebackEnabled) {
        return new PolicyProperties(PolicyProperties.Scope.GROUPS, List.of("SSPR-Users"), List.of("Helpdesk-Admins", "domain-admins"), 1,
                methods, writebackEnabled, true);
    }

    AccountProfiles profiles(PolicyProperties policy) {
        // nobody registered an app here, so no decoy claims one (DecoyMethodsTest)
        DecoyMethods decoyMethods = new DecoyMethods(policy, new AuthenticatorAppProperties(true, AuthenticatorAppProperties.Algorithm.SHA1, 6,
                Duration.ofSeconds(30), 1), new PasskeyProperties(false, null, null, List.of(), PasskeyProperties.UserVerification.REQUIRED,
                Duration.ofMinutes(2)), mock(AuthenticatorApps.class), mock(Passkeys.class), registrations,
                new KeyedHasher(new ServerSecret(new SecurityProperties("a-test-secret-that-is-long-enough-0123456789", null))), Clock.systemUTC());
        return new AccountProfiles(cloud, onPremises, recoveryMethods, registrations, REGISTRATION, policy, decoyMethods);
    }

    Account account(String username, IdentitySource source, Set<String> groups, Method... registered) {
        Account account = new Account(username, "uid=" + username + ",ou=people,dc=example,dc=org", username, username, "Example",
                username + "@example.org", source, null, false);
        when(cloud.findAccount(any())).thenReturn(Optional.of(account));
        when(cloud.groupsOf(account)).thenReturn(groups);
        Map<Method, String> methods = new LinkedHashMap<>();
        for (Method method : registered) {
            methods.put(method, "registered-" + method);
        }
        when(recoveryMethods.registered(account)).thenReturn(methods);
        when(registrations.find(any())).thenReturn(RecoveryInfo.NONE);
        return account;
    }

    @Test
    void anUnknownUsernameGetsADecoyThatLooksLikeATypicalCloudUser() {
        when(cloud.findAccount("Nobody.At.All ")).thenReturn(Optional.empty());

        AccountProfile profile = profiles(policy(ALL_METHODS, true)).profile("Nobody.At.All ");

        assertThat(profile.known()).isFalse();
        assertThat(profile.username()).isEqualTo("Nobody.At.All ");
        assertThat(profile.accountKey()).as("the key failed proofs count against").isEqualTo("nobody.at.all");
        assertThat(profile.identitySource()).isEqualTo(IdentitySource.CLOUD);
        assertThat(profile.administrator()).isFalse();
        assertThat(profile.inScopeGroup()).isTrue();
        assertThat(profile.registeredMethods()).containsExactly(Method.EMAIL, Method.SMS, Method.VOICE_MOBILE, Method.QUESTIONS);
        assertThat(profile.codeMethodCount()).isEqualTo(3);
        assertThat(profile.reconfirmationDue()).isFalse();
        assertThat(profile.protectedAccount()).isFalse();
    }

    @Test
    void aDecoyClaimsOnlyMethodsThePolicyOffers() {
        AccountProfile decoy = profiles(policy(EnumSet.of(Method.EMAIL, Method.QUESTIONS), true)).decoy("nobody");

        assertThat(decoy.registeredMethods()).containsExactly(Method.EMAIL, Method.QUESTIONS);
        assertThat(decoy.codeMethodCount()).isEqualTo(1);
    }

    @Test
    void aDecoyForNoUsernameAtAllHasAnEmptyKey() {
        assertThat(profiles(policy(ALL_METHODS, true)).decoy(null).accountKey()).isEmpty();
    }

    @Test
    void aKnownAccountKeepsOnlyTheRegisteredMethodsThePolicyOffers() {
        account("Alice", IdentitySource.CLOUD, Set.of(), Method.EMAIL, Method.VOICE_OFFICE, Method.QUESTIONS);

        AccountProfile profile = profiles(policy(EnumSet.of(Method.EMAIL, Method.SMS, Method.QUESTIONS), true)).profile("alice");

        assertThat(profile.known()).isTrue();
        assertThat(profile.username()).as("as the directory spells it").isEqualTo("Alice");
        assertThat(profile.accountKey()).isEqualTo("alice");
        assertThat(profile.registeredMethods()).containsExactly(Method.EMAIL, Method.QUESTIONS);
        assertThat(profile.codeMethodCount()).isEqualTo(1);
    }

    @Test
    void groupsDecideAdministratorAndScopeWhateverTheirCase() {
        account("dave", IdentitySource.CLOUD, Set.of("HELPDESK-ADMINS", "sspr-users"), Method.EMAIL);

        AccountProfile profile = profiles(policy(ALL_METHODS, true)).profile("dave");

        assertThat(profile.administrator()).isTrue();
        assertThat(profile.inScopeGroup()).isTrue();
    }

    @Test
    void anAccountInNoListedGroupIsNeitherAdministratorNorInScope() {
        account("bob", IdentitySource.CLOUD, Set.of("staff", "helpdesk-admins-former"), Method.EMAIL);

        AccountProfile profile = profiles(policy(ALL_METHODS, true)).profile("bob");

        assertThat(profile.administrator()).isFalse();
        assertThat(profile.inScopeGroup()).isFalse();
    }

    @Test
    void reconfirmationIsDueWhenTheRegistrationSaysSoAfterTheConfiguredDays() {
        account("erin", IdentitySource.CLOUD, Set.of(), Method.EMAIL);
        when(registrations.needsReconfirmation(RecoveryInfo.NONE, 180)).thenReturn(true);

        assertThat(profiles(policy(ALL_METHODS, true)).profile("erin").reconfirmationDue()).isTrue();
    }

    @Test
    void aSyncedAccountTheDomainProtectsIsProtectedWhenItsPasswordWouldBeWrittenBack() {
        Account bob = account("bob", IdentitySource.SYNCED, Set.of(), Method.EMAIL);
        when(onPremises.isProtected(bob)).thenReturn(true);

        assertThat(profiles(policy(ALL_METHODS, true)).profile("bob").protectedAccount()).isTrue();
        assertThat(profiles(policy(ALL_METHODS, false)).profile("bob").protectedAccount())
                .as("without writeback nothing is written on-premises").isFalse();
    }

    @Test
    void aCloudAccountIsNeverProtectedThoughTheDomainIsAskedAsForASyncedOne() {
        Account alice = account("alice", IdentitySource.CLOUD, Set.of(), Method.EMAIL);
        when(onPremises.isProtected(alice)).thenReturn(true);

        assertThat(profiles(policy(ALL_METHODS, true)).profile("alice").protectedAccount()).isFalse();
        verify(onPremises, never()).isProtected(any());
        verify(onPremises).probe("alice");
    }

    @Test
    void anUnknownUsernameAsksTheDomainAsASyncedAccountDoes() {
        profiles(policy(ALL_METHODS, true)).profile(" nobody ");
        verify(onPremises).probe("nobody");
    }

    @Test
    void withoutWritebackTheDomainIsNeverAsked() {
        account("alice", IdentitySource.CLOUD, Set.of(), Method.EMAIL);
        account("bob", IdentitySource.SYNCED, Set.of(), Method.EMAIL);
        AccountProfiles profiles = profiles(policy(ALL_METHODS, false));
        profiles.profile("alice");
        profiles.profile("bob");
        profiles.profile("nobody");
        verifyNoInteractions(onPremises);
    }

    @Test
    void anOnPremisesOutageFailsTheLookUpOfAnUnknownUsernameAsItFailsASyncedOne() {
        account("bob", IdentitySource.SYNCED, Set.of(), Method.EMAIL);
        DirectoryUnavailableException down = new DirectoryUnavailableException("down");
        when(onPremises.isProtected(any())).thenThrow(down);
        doThrow(down).when(onPremises).probe(any());
        AccountProfiles profiles = profiles(policy(ALL_METHODS, true));

        assertThatThrownBy(() -> profiles.profile("bob")).isSameAs(down);
        assertThatThrownBy(() -> profiles.profile("nobody")).isSameAs(down);
    }
}
