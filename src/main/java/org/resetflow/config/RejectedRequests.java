package org.resetflow.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests that Spring Security's firewall refuses (a path with {@code ..} or an encoded slash, a method no surface
 * takes, a header value or parameter name with control characters) answer 400 and the error page, with one log
 * line that carries nothing of the request: the firewall's own message quotes the value it refused.
 */
final class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        log.info("Refused a malformed request (400): the request firewall refused a header, parameter, method or path");
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
