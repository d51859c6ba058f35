package org.resetflow.journey;

import jakarta.servlet.http.HttpServletRequest;
import org.resetflow.throttling.RateLimits;
import org.springframework.stereotype.Component;

/**
 * The client address of a request and its limits. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy=native} (or {@code framework}) so that the address is the user's.
 */
@Component
public class ClientAddresses {

    private final RateLimits rateLimits;

    ClientAddresses(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    public String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    void checkStart(String client) {
        if (!rateLimits.tryStartJourney(client)) {
            throw new JourneyExceptions.TooManyRequests(3600);
        }
    }

    public void checkRequest(String client) {
        if (!rateLimits.tryRequest(client)) {
            throw new JourneyExceptions.TooManyRequests(60);
        }
    }
}
