package org.resetflow.eligibility;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code resetflow.security.reveal-eligibility}: whether users are told that their reset was escalated or refused
 * (default true, as Entra does). When false, those outcomes look like the generic path to the user. The setting sits
 * among the security settings, where operators look for it; it is bound here, by the feature that uses it.
 */
@ConfigurationProperties("resetflow.security")
public record DisclosureProperties(@DefaultValue("true") boolean revealEligibility) {
}
