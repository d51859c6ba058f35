package org.resetflow.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Globals;
import org.resetflow.journey.ApiBodyLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the portal's forms accept, checked before anything reads them (the portal's security chain runs this before
 * its CSRF check, which reads the form): a URL-encoded form (anything else, multipart included, is 415), not compressed (415,
 * as on the API), of at most 16 KiB whatever its transfer encoding (413). Tomcat reads the form itself and stops at
 * {@code server.tomcat.max-http-form-post-size} (16 KB), also for a chunked body; a form it could not read completely
 * is refused here instead of reaching the pages without its fields.
 */
public class PortalForms extends OncePerRequestFilter {

    static final long MAX_FORM_BYTES = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(PortalForms.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PortalJourney.of(path.length() > 1 ? path.substring(1).split("/", 2)[0] : "").isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ApiBodyLimit.isEncoded(request)) {
            response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a compressed form");
            return;
        }
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "a form larger than allowed");
            return;
        }
        if (request.getContentLengthLong() != 0 && !isUrlEncodedForm(request.getContentType())) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a body that is not a URL-encoded form");
            return;
        }
        request.getParameterMap();
        Object failure = request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR);
        if (failure != null) {
            boolean tooLarge = "POST_TOO_LARGE".equals(failure.toString());
            refuse(response, tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    tooLarge ? "a form larger than allowed" : "a form that could not be read");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isUrlEncodedForm(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String what) throws IOException {
        log.info("Refused a portal form ({}): {}", status.value(), what);
        response.sendError(status.value());
    }
}
