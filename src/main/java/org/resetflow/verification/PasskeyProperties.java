package org.resetflow.verification;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.passkey.*}: passkeys and security keys (WebAuthn Level 2) as a gate method and in the registration.
 *
 * @param enabled          whether users may register passkeys and prove themselves with one (false); it is offered only
 *                         when {@code resetflow.policy.methods} lists {@code PASSKEY} too, which the default list does
 * @param rpId             the relying party id: the portal's host name or a registrable suffix of it
 *                         ({@code login.example.org} or {@code example.org}); required when enabled. A passkey is bound
 *                         to it for good: changing it orphans every registered passkey
 * @param rpName           the name browsers show when a passkey is created (the organisation's name when not set)
 * @param origins          where the portal is served, exactly as browsers send it ({@code https://login.example.org});
 *                         each host must be the RP id or a subdomain of it; {@code https://<rp-id>} when empty
 * @param userVerification whether the authenticator must verify the user (PIN, fingerprint, face): {@code required}
 *                         (the default: a passkey is then a factor on its own), {@code preferred}, {@code discouraged}
 * @param timeout          how long the browser waits for the user's authenticator (2 min; 30 s to 10 min)
 */
@Validated
@ConfigurationProperties("resetflow.passkey")
public record PasskeyProperties(
        @DefaultValue("false") boolean enabled,
        String rpId,
        String rpName,
        @DefaultValue({}) List<String> origins,
        @DefaultValue("required") @NotNull UserVerification userVerification,
        @DefaultValue("2m") @NotNull Duration timeout) {

    public enum UserVerification {
        REQUIRED, PREFERRED, DISCOURAGED;

        /** As WebAuthn spells it. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PasskeyProperties {
        rpId = rpId == null || rpId.isBlank() ? null : rpId.trim().toLowerCase(Locale.ROOT);
        rpName = rpName == null || rpName.isBlank() ? null : rpName.trim();
        origins = List.copyOf(origins);
        if (timeout.compareTo(Duration.ofSeconds(30)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("resetflow.passkey.timeout must be from 30 s to 10 min");
        }
        if (rpId != null && !rpId.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("resetflow.passkey.rp-id must be a host name such as login.example.org (no scheme, "
                    + "port or path), not " + rpId);
        }
        if (enabled && rpId == null) {
            throw new IllegalArgumentException("resetflow.passkey.enabled is true but resetflow.passkey.rp-id is not set: set it to the "
                    + "host name users open the portal at (login.example.org), or a registrable suffix of it (example.org)");
        }
        for (String origin : rpId == null ? List.<String>of() : origins) {
            checkOrigin(origin, rpId);
        }
    }

    /** The origins an assertion or attestation may come from. */
    public List<String> allowedOrigins() {
        return origins.isEmpty() && rpId != null ? List.of("https://" + rpId) : origins;
    }

    public boolean userVerificationRequired() {
        return userVerification == UserVerification.REQUIRED;
    }

    private static void checkOrigin(String origin, String rpId) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("resetflow.passkey.origins: " + origin + " is not a URL", e);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean secure = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && "localhost".equals(host));
        if (!secure || host.isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("resetflow.passkey.origins: " + origin + " must be https://host[:port] with nothing after it "
                    + "(plain http only for localhost), as browsers send an origin");
        }
        if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
            throw new IllegalArgumentException("resetflow.passkey.origins: the host of " + origin + " is neither the rp-id " + rpId
                    + " nor a subdomain of it, so browsers would refuse every passkey there");
        }
    }
}
