package org.resetflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code resetflow.passkey.*} as Spring binds it: defaults, and a clear start-up error for an RP id that cannot work. */
class PasskeyPropertiesTest {

    private static PasskeyProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("resetflow.passkey", Bindable.of(PasskeyProperties.class));
    }

    private static String whyRefused(Map<String, String> values) {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> bind(values));
        assertThat(refused).isInstanceOf(BindException.class);
        Throwable cause = refused;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Test
    void offByDefaultWithUserVerificationRequired() {
        PasskeyProperties defaults = bind(Map.of());
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.rpId()).isNull();
        assertThat(defaults.userVerificationRequired()).isTrue();
        assertThat(defaults.timeout()).hasMinutes(2);
    }

    @Test
    void enabledWithoutAnRpIdStopsTheStartWithWhatToSet() {
        assertThat(whyRefused(Map.of("resetflow.passkey.enabled", "true")))
                .contains("resetflow.passkey.rp-id is not set").contains("host name");
    }

    @Test
    void theOriginsDefaultToHttpsOnTheRpId() {
        PasskeyProperties properties = bind(Map.of("resetflow.passkey.enabled", "true", "resetflow.passkey.rp-id", "Login.Example.org"));
        assertThat(properties.rpId()).isEqualTo("login.example.org");
        assertThat(properties.allowedOrigins()).containsExactly("https://login.example.org");
    }

    @Test
    void anOriginOnASubdomainOfTheRpIdIsAccepted() {
        PasskeyProperties properties = bind(Map.of("resetflow.passkey.enabled", "true", "resetflow.passkey.rp-id", "example.org",
                "resetflow.passkey.origins", "https://login.example.org,https://example.org:8443"));
        assertThat(properties.allowedOrigins()).containsExactly("https://login.example.org", "https://example.org:8443");
    }

    @Test
    void anOriginOnAnotherHostStopsTheStart() {
        assertThat(whyRefused(Map.of("resetflow.passkey.enabled", "true", "resetflow.passkey.rp-id", "example.org",
                "resetflow.passkey.origins", "https://login.example.com"))).contains("https://login.example.com").contains("neither the rp-id");
        assertThat(whyRefused(Map.of("resetflow.passkey.enabled", "true", "resetflow.passkey.rp-id", "example.org",
                "resetflow.passkey.origins", "https://notexample.org"))).contains("neither the rp-id");
    }

    @Test
    void plainHttpOnlyOnLocalhostAndNoPath() {
        assertThat(whyRefused(Map.of("resetflow.passkey.rp-id", "example.org", "resetflow.passkey.origins", "http://example.org")))
                .contains("plain http only for localhost");
        assertThat(whyRefused(Map.of("resetflow.passkey.rp-id", "example.org", "resetflow.passkey.origins", "https://example.org/portal")))
                .contains("nothing after it");
        assertThat(bind(Map.of("resetflow.passkey.rp-id", "localhost", "resetflow.passkey.origins", "http://localhost:8080")).allowedOrigins())
                .containsExactly("http://localhost:8080");
    }

    @Test
    void anRpIdWithASchemeOrPortStopsTheStart() {
        assertThat(whyRefused(Map.of("resetflow.passkey.rp-id", "https://example.org"))).contains("must be a host name");
        assertThat(whyRefused(Map.of("resetflow.passkey.rp-id", "example.org:443"))).contains("must be a host name");
    }

    @Test
    void aTimeoutOutsideItsRangeStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.passkey.timeout", "5s"))).isInstanceOf(BindException.class);
    }
}
