package org.resetflow.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.resetflow.directory.DirectoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps sign anyone in whose password is right and let authorisations decide what they see; the
 * Welcome app needs none. Every account in the directory has a password, so this filter lets only staff (members of
 * a staff group) reach the webapps' login at all. A wrong password goes on to Camunda's own refusal.
 */
public class StaffOnlyWebappLogin extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaffOnlyWebappLogin.class);
    private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+$");

    private final IdentityService identityService;
    private final StaffAuthentication staffAuthentication;
    private final StaffSignInThrottle throttle;

    public StaffOnlyWebappLogin(IdentityService identityService, StaffAuthentication staffAuthentication, StaffSignInThrottle throttle) {
        this.identityService = identityService;
        this.staffAuthentication = staffAuthentication;
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Read the form here and hand Camunda an untouched body: Jersey wants to read it itself.
        BufferedRequest buffered = new BufferedRequest(request);
        String user = buffered.formValue("username");
        String password = buffered.formValue("password");
        request = buffered;
        try {
            if (user != null && password != null) {
                throttle.check(user, request.getRemoteAddr());
                if (!identityService.checkPassword(user, password)) {
                    // Camunda's own login refuses it too
                    throttle.failed(user, request.getRemoteAddr());
                } else if (!staffAuthentication.isStaff(staffAuthentication.groupsOf(user))) {
                    log.info("Refused a webapp sign-in of {}: not in a staff group", user);
                    refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                            "This account is not a member of a ResetFlow staff group.");
                    return;
                }
            }
        } catch (StaffSignInThrottle.TooManySignIns throttled) {
            response.setHeader("Retry-After", throttled.retryAfterSeconds());
            refuse(response, 429, "TooManySignIns", throttled.getMessage());
            return;
        } catch (DirectoryUnavailableException e) {
            log.warn("Webapp sign-in failed: {}", e.getMessage());
            refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "DirectoryUnavailable",
                    "The staff directory does not answer. Try again in a moment.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request with its (small) form body read once and readable again. */
    private static final class BufferedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        private static final int MAX_FORM = 8 * 1024;
        private final byte[] body;

        BufferedRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readNBytes(MAX_FORM);
        }

        /** The form field, or null when absent or not decodable (Camunda then answers as it does). */
        String formValue(String name) {
            try {
                return decodedValue(name);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }

        private String decodedValue(String name) {
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                if (java.net.URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }
}
