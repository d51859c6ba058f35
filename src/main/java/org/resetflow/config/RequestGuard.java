package org.resetflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.resetflow.journey.ExpectedErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request. It applies the firewall's checks of the request line before any other filter:
 * Spring's own path parsing, which runs ahead of Spring Security, fails on a path that is not normalised, such as
 * {@code /api/../engine-rest}, and a servlet other than Spring MVC's (the engine's REST API) would get such a path.
 * And it catches what a later filter throws for a malformed request ({@link ExpectedErrors}), which would otherwise
 * reach the servlet container as a 500 with a stack trace: its status and the error page, and one line in the log.
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
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Optional<ExpectedErrors.Expected> expected = ExpectedErrors.of(e);
            if (expected.isEmpty() || response.isCommitted()) {
                throw e;
            }
            log.info("Refused a malformed request ({}): {}", expected.get().status().value(), expected.get().reason());
            response.sendError(expected.get().status().value());
        }
    }
}
