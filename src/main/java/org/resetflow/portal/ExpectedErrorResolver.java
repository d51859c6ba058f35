package org.resetflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.resetflow.journey.ExpectedErrors;
import org.resetflow.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last of Spring MVC's exception resolvers, for every controller but the API's own (which answers problem
 * details itself): an error that is not the server's fault ({@link ExpectedErrors}: a request the firewall refuses, a
 * multipart body, an unreachable directory or database) becomes its status (with {@code Retry-After} for an outage) and the error page, with one log line that names
 * the kind of error and nothing the client sent. Anything else stays a server fault: a 500, logged with its stack.
 */
@Component
class ExpectedErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ExpectedErrorResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception error) {
        return ExpectedErrors.of(error).map(expected -> {
            if (expected.clientError()) {
                log.info("Refused a malformed request ({}): {}", expected.status().value(), expected.reason());
            } else {
                log.warn("Answered {}: {}", expected.status().value(),
                        expected.databaseOutage() ? DatabaseUnavailable.describe(error) : expected.reason());
            }
            if (expected.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(expected.retryAfter().toSeconds()));
            }
            try {
                response.sendError(expected.status().value());
            } catch (IOException gone) {
                log.debug("The client left before its error was sent");
            }
            return new ModelAndView();
        }).orElse(null);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
