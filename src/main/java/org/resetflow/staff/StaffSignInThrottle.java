package org.resetflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.resetflow.throttling.RateLimits;
import org.resetflow.throttling.ThrottlingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Wrong staff passwords, counted per account and per client address in every node's shared database
 * ({@code resetflow.throttling.staff-sign-in}): once either allowance is spent, a sign-in is refused before its
 * password is checked, with {@code 429} and the time to wait, on the webapps' login and on HTTP Basic alike. The
 * directory's own lock-out stays as it is; this one comes first and does not lock the account for its owner
 * elsewhere.
 */
@Component
public class StaffSignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(StaffSignInThrottle.class);

    private final RateLimits limits;
    private final ThrottlingProperties.StaffSignIn settings;

    StaffSignInThrottle(RateLimits limits, ThrottlingProperties throttling) {
        this.limits = limits;
        this.settings = throttling.staffSignIn();
    }

    /** Refused when too many wrong passwords were given for this account, or from this client. */
    public void check(String user, String clientAddress) {
        if (!limits.staffSignInAllowed(user, clientAddress)) {
            log.info("Refused a staff sign-in of {} from {}: too many wrong passwords", user, clientAddress);
            throw new TooManySignIns(retryAfter());
        }
    }

    public void failed(String user, String clientAddress) {
        limits.staffSignInFailed(user, clientAddress);
    }

    /** When one more try is allowed again: the window refills one try per its share of the account's allowance. */
    Duration retryAfter() {
        Duration perTry = settings.window().dividedBy(settings.failuresPerAccount());
        return perTry.isZero() ? Duration.ofSeconds(1) : perTry;
    }

    /** Too many wrong staff passwords: answered with {@code 429} and {@code Retry-After}. */
    public static final class TooManySignIns extends AuthenticationException {

        private final Duration retryAfter;

        TooManySignIns(Duration retryAfter) {
            super("Too many wrong passwords. Try again in " + Math.max(1, retryAfter.toMinutes()) + " minutes.");
            this.retryAfter = retryAfter;
        }

        /** The seconds to wait, for {@code Retry-After}. */
        public String retryAfterSeconds() {
            return Long.toString(Math.max(1, retryAfter.toSeconds()));
        }

        /** Answers the refusal: 429, the seconds to wait, and the message as plain text. */
        public void answer(HttpServletResponse response) throws IOException {
            response.setStatus(429);
            response.setHeader("Retry-After", retryAfterSeconds());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(getMessage());
        }
    }
}
