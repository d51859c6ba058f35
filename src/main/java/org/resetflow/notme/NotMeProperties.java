package org.resetflow.notme;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code resetflow.not-me.*}: the "this was not me" link in the notice of a completed recovery.
 *
 * @param linkLifetime how long the link can be followed (7d; at most 30d: a link is a standing credential in a
 *                     mailbox, and the journey's history, which the helpdesk's report reads, must outlive it)
 */
@ConfigurationProperties("resetflow.not-me")
public record NotMeProperties(@DefaultValue("7d") Duration linkLifetime) {

    static final Duration LONGEST_LINK_LIFETIME = Duration.ofDays(30);

    public NotMeProperties {
        if (linkLifetime.isNegative() || linkLifetime.isZero() || linkLifetime.compareTo(LONGEST_LINK_LIFETIME) > 0) {
            throw new IllegalArgumentException("resetflow.not-me.link-lifetime must be positive and at most 30d, not " + linkLifetime);
        }
    }
}
