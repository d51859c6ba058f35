package org.resetflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.resetflow.journey.ExpectedErrors;
import org.resetflow.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request. It applies the firewall's checks of the request line before any other filter:
 * Spring's own path parsing, which runs ahead of Spring Security, fails on a path that is not normalised, such as
 * {@code /api/../engine-rest}, and a servlet other than Spring MVC's (the engine's REST API) would get such a path.
 * It refuses a {@code Content-Type} with a wildcard ({@code *}{@code /*}, {@code text/*}) with 415: no body has such a
 * type, and Spring's request headers fail on one with an exception no handler knows. And it catches what a later
 * filter throws for a malformed request or an outage ({@link ExpectedErrors}: a rate limit's database away), which would otherwise reach the servlet container as
 * a 500 with a stack trace: its status and the error page, and one line in the log. A query string with a malformed
 * percent-escape is 400 here too, before the engine's REST API trips over it.
 */
final class RequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    private final HttpFirewall firewall;
    private final RequestRejectedHandler rejected;

    RequestGuard(HttpFirewall firewall, RequestRejectedHandler rejected) {
        this.firewall = firewall;
        this.rejected = rejected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            rejected.handle(request, response, e);
            return;
        }
        if (hasMalformedEscape(request.getQueryString())) {
            log.info("Refused a request (400): a query string with a malformed percent-escape");
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        if (hasWildcardContentType(request)) {
            log.info("Refused a request (415): a content type with a wildcard");
            response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Optional<ExpectedErrors.Expected> expected = ExpectedErrors.of(e);
            if (expected.isEmpty() || response.isCommitted()) {
                throw e;
            }
            ExpectedErrors.Expected answer = expected.get();
            if (answer.clientError()) {
                log.info("Refused a malformed request ({}): {}", answer.status().value(), answer.reason());
            } else {
                log.warn("Answered {}: {}", answer.status().value(), answer.databaseOutage() ? DatabaseUnavailable.describe(e) : answer.reason());
            }
            if (answer.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfter().toSeconds()));
            }
            response.sendError(answer.status().value());
        }
    }

    /**
     * A {@code %} not followed by two hexadecimal digits: Tomcat skips such a parameter, but the engine's REST API
     * (Jersey) decodes the query string of a form request itself and throws, which the container answers with 500.
     */
    static boolean hasMalformedEscape(String query) {
        if (query == null) {
            return false;
        }
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0 || Character.digit(query.charAt(i + 2), 16) < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWildcardContentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException malformed) {
            // each surface answers a content type it cannot parse itself (415)
            return false;
        }
    }
}
