package org.resetflow.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code resetflow.security.*}.
 *
 * @param secret             the server secret (at least 32 characters) from which the keys for token and code
 *                           hashes (HMAC-SHA-256) and for sealed secrets (AES-256-GCM) are derived. Required in
 *                           production; every node of a cluster needs the same value.
 * @param secretFile         where the embedded profile keeps a generated secret when {@code secret} is not set
 *                           (created on first start, readable only by its owner). Empty: no generated secret.
 *                           ({@code resetflow.security.reveal-eligibility} is bound by the eligibility feature,
 *                           which uses it.)
 */
@ConfigurationProperties("resetflow.security")
public record SecurityProperties(String secret, String secretFile) {
}
