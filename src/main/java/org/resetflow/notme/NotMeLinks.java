package org.resetflow.notme;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.resetflow.secret.KeyedHasher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "this was not me" links of the notices that tell users of a recovery: a random token in the link, of which
 * only the keyed hash is kept, bound to the account and the journey, usable once and only until it expires
 * ({@code resetflow.not-me.link-lifetime}). An unknown, used, expired or malformed token all look the same: not
 * usable. Runs inside the caller's transaction: a link is used up together with the report it opens; the notices
 * issue theirs in a transaction of their own, so that a link that went out stays valid when its step is retried.
 */
@Repository
public class NotMeLinks {

    /** The path of a link in the portal, before its token. */
    public static final String PATH = "/not-me/";

    /** What a link is bound to: the account, and the journey whose notice carries it (flow id, process instance). */
    public record Binding(String accountKey, String username, String flowId, String journeyId, String notice) {
    }

    /** A link followed for the first time: what it was bound to, and when the notice that carried it was sent. */
    public record Used(Binding binding, Instant issuedAt) {
    }

    private static final String CONTEXT = "not-me-link";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final KeyedHasher hasher;
    private final Clock clock;
    private final NotMeProperties properties;
    private final PortalLinkProperties portal;
    private final SecureRandom random = new SecureRandom();

    public NotMeLinks(JdbcClient jdbc, KeyedHasher hasher, Clock clock, NotMeProperties properties, PortalLinkProperties portal) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.clock = clock;
        this.properties = properties;
        this.portal = portal;
    }

    /**
     * A new link for a notice: the absolute URL the user follows. Kept in a transaction of its own, committed before
     * the notice is sent: when the job that sends it is rolled back after the send (its node died, a later recipient
     * failed), the link in the message already out still works.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String issue(Binding binding) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO rf_not_me_link (token_hash, account_key, username, flow_id, journey_id, notice, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(hasher.hash(CONTEXT, token), binding.accountKey(), binding.username(), binding.flowId(), binding.journeyId(),
                        binding.notice(), Timestamp.from(now), Timestamp.from(now.plus(properties.linkLifetime())))
                .update();
        return portal.link(PATH + token);
    }

    /** Whether the token is a link that can still be followed; looks only. */
    public boolean usable(String token) {
        if (!wellFormed(token)) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM rf_not_me_link WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(hasher.hash(CONTEXT, token), Timestamp.from(clock.instant()))
                .query(Integer.class).single() > 0;
    }

    /**
     * Uses the link up, when it can still be followed. A journey is reported once: the other links of its flow (a
     * notice sent again after a failed attempt) are used up with it.
     */
    public Optional<Used> use(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String hash = hasher.hash(CONTEXT, token);
        Timestamp now = Timestamp.from(clock.instant());
        int claimed = jdbc.sql("UPDATE rf_not_me_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(now, hash, now).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        Used used = jdbc.sql("SELECT account_key, username, flow_id, journey_id, notice, issued_at FROM rf_not_me_link WHERE token_hash = ?")
                .param(hash)
                .query((rs, n) -> new Used(new Binding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        rs.getTimestamp(6).toInstant()))
                .single();
        jdbc.sql("UPDATE rf_not_me_link SET used_at = ? WHERE flow_id = ? AND used_at IS NULL").params(now, used.binding().flowId()).update();
        return Optional.of(used);
    }

    /** Expired links, used or not, can no longer matter. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    int purgeExpired() {
        return jdbc.sql("DELETE FROM rf_not_me_link WHERE expires_at <= ?").param(Timestamp.from(clock.instant())).update();
    }

    private static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }
}
