package org.resetflow.journey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Every public API request counts towards its client's per-minute limit; oversized bodies are refused early. */
@Component
class ApiRequestLimits implements HandlerInterceptor {

    static final long MAX_BODY_BYTES = 16 * 1024;

    private final ClientAddresses clients;

    ApiRequestLimits(ClientAddresses clients) {
        this.clients = clients;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BodyTooLarge();
        }
        clients.checkRequest(clients.of(request));
        return true;
    }

    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("The request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
    }
}
