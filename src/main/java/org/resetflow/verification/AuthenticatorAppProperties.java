package org.resetflow.verification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.authenticator-app.*}: codes from an authenticator app (TOTP, RFC 6238). The defaults are what every
 * app understands (Google Authenticator ignores the algorithm, the digits and the period in the QR code).
 *
 * @param enabled   whether users may register an app and prove themselves with it (false); it is offered only when
 *                  {@code resetflow.policy.methods} lists {@code AUTHENTICATOR_APP} too, which the default list does
 * @param algorithm the HMAC of the codes: SHA1 (the RFC's default and the only one every app supports), SHA256, SHA512
 * @param digits    digits in a code (6; 6 to 8)
 * @param period    how long one code is valid (30 s; 15 s to 2 min)
 * @param window    steps accepted either side of the current one, for clocks that differ (1; 0 to 2)
 */
@Validated
@ConfigurationProperties("resetflow.authenticator-app")
public record AuthenticatorAppProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("SHA1") @NotNull Algorithm algorithm,
        @DefaultValue("6") @Min(6) @Max(8) int digits,
        @DefaultValue("30s") Duration period,
        @DefaultValue("1") @Min(0) @Max(2) int window) {

    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }

        public String jca() {
            return jca;
        }
    }

    public AuthenticatorAppProperties {
        if (period.compareTo(Duration.ofSeconds(15)) < 0 || period.compareTo(Duration.ofMinutes(2)) > 0 || period.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("resetflow.authenticator-app.period must be whole seconds from 15 s to 2 min");
        }
    }
}
