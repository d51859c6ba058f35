package org.resetflow.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.recoveryinfo.Passkeys;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;
import org.resetflow.shared.Method;
import org.resetflow.testing.MutableClock;
import org.resetflow.verification.AuthenticatorAppProperties;
import org.resetflow.verification.PasskeyProperties;

class DecoyMethodsTest {

    private static final AuthenticatorAppProperties APP_ON = new AuthenticatorAppProperties(true, AuthenticatorAppProperties.Algorithm.SHA1,
            6, Duration.ofSeconds(30), 1);
    private static final AuthenticatorAppProperties APP_OFF = new AuthenticatorAppProperties(false, AuthenticatorAppProperties.Algorithm.SHA1,
            6, Duration.ofSeconds(30), 1);

    private static final PasskeyProperties PASSKEY_ON = new PasskeyProperties(true, "localhost", null, List.of("http://localhost:8080"),
            PasskeyProperties.UserVerification.REQUIRED, Duration.ofMinutes(2));

    private final AuthenticatorApps apps = mock(AuthenticatorApps.class);
    private final Passkeys passkeys = mock(Passkeys.class);
    private final RecoveryRegistrations registrations = mock(RecoveryRegistrations.class);
    private final MutableClock clock = MutableClock.atSomeMoment();

    private DecoyMethods decoyMethods(AuthenticatorAppProperties app, String secret) {
        KeyedHasher hasher = new KeyedHasher(new ServerSecret(new SecurityProperties(secret, null)));
        return new DecoyMethods(AccountProfilesTest.policy(EnumSet.allOf(Method.class), true), app, PASSKEY_ON, apps, passkeys, registrations,
                hasher, clock);
    }

    private DecoyMethods decoyMethods(AuthenticatorAppProperties app) {
        return decoyMethods(app, "a-test-secret-that-is-long-enough-0123456789");
    }

    private void registered(long users, long withApp) {
        when(registrations.count()).thenReturn(users);
        when(apps.count()).thenReturn(withApp);
    }

    private static List<String> usernames() {
        return IntStream.range(0, 2000).mapToObj(i -> "nobody" + i).toList();
    }

    private static long claimingTheApp(DecoyMethods decoys, List<String> usernames) {
        return usernames.stream().filter(name -> decoys.forAccountKey(name).contains(Method.AUTHENTICATOR_APP)).count();
    }

    @Test
    void decoysClaimTheAppInTheShareOfRegisteredUsersWhoHaveOne() {
        registered(1000, 250);
        DecoyMethods decoys = decoyMethods(APP_ON);

        assertThat(claimingTheApp(decoys, usernames())).as("a quarter of 2000 usernames").isBetween(430L, 570L);
        assertThat(decoys.forAccountKey("nobody7")).as("the typical methods come first, in their order")
                .startsWith(Method.EMAIL, Method.SMS, Method.VOICE_MOBILE, Method.QUESTIONS);
    }

    @Test
    void decoysClaimAPasskeyInTheShareOfRegisteredUsersWhoHaveOneDrawnApartFromTheApp() {
        registered(1000, 500);
        when(passkeys.accountCount()).thenReturn(500L);
        DecoyMethods decoys = decoyMethods(APP_ON);

        long withPasskey = usernames().stream().filter(name -> decoys.forAccountKey(name).contains(Method.PASSKEY)).count();
        long withBoth = usernames().stream().filter(name -> decoys.forAccountKey(name).containsAll(List.of(Method.AUTHENTICATOR_APP, Method.PASSKEY)))
                .count();
        assertThat(withPasskey).as("half of 2000 usernames").isBetween(900L, 1100L);
        assertThat(withBoth).as("a quarter: the two are drawn apart").isBetween(430L, 570L);
    }

    @Test
    void anUnknownUsernameGetsTheSameListEveryTime() {
        registered(10, 5);
        DecoyMethods decoys = decoyMethods(APP_ON);
        for (String name : usernames().subList(0, 50)) {
            assertThat(decoys.forAccountKey(name)).isEqualTo(decoys.forAccountKey(name));
        }
    }

    @Test
    void whichUsernamesClaimTheAppDependsOnTheServerSecret() {
        registered(10, 5);
        List<String> names = usernames().subList(0, 200);
        List<Boolean> one = names.stream().map(name -> decoyMethods(APP_ON).forAccountKey(name).contains(Method.AUTHENTICATOR_APP)).toList();
        DecoyMethods other = decoyMethods(APP_ON, "another-test-secret-that-is-long-enough-42");
        List<Boolean> two = names.stream().map(name -> other.forAccountKey(name).contains(Method.AUTHENTICATOR_APP)).toList();
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void noDecoyClaimsTheAppWhenNobodyHasOneOrTheAppIsOff() {
        registered(1000, 0);
        assertThat(claimingTheApp(decoyMethods(APP_ON), usernames())).isZero();
        registered(1000, 1000);
        assertThat(claimingTheApp(decoyMethods(APP_OFF), usernames())).isZero();
    }

    @Test
    void theShareIsCountedAgainAfterTenMinutes() {
        registered(100, 0);
        DecoyMethods decoys = decoyMethods(APP_ON);
        assertThat(decoys.appShare()).isZero();
        registered(100, 50);
        clock.advance(Duration.ofMinutes(9));
        assertThat(decoys.appShare()).as("still the count of nine minutes ago").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(decoys.appShare()).isEqualTo(0.5);
        verify(apps, times(2)).count();
    }
}
