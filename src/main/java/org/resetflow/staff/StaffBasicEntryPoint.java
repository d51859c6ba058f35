package org.resetflow.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * The answer to a staff request without a valid sign-in: {@code 429} when the sign-in was throttled; a browser that
 * opens a staff page (a link such as the handover of a temporary password) goes to the staff sign-in, which brings it
 * back to the page; anything else gets HTTP Basic's {@code 401}.
 */
public final class StaffBasicEntryPoint implements AuthenticationEntryPoint {

    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

    public StaffBasicEntryPoint() {
        basic.setRealmName("ResetFlow staff");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) throws IOException {
        if (refused instanceof StaffSignInThrottle.TooManySignIns throttled) {
            throttled.answer(response);
        } else if (isPageOpenedInABrowser(request)) {
            String page = request.getRequestURI().substring(request.getContextPath().length());
            response.sendRedirect(request.getContextPath() + StaffSignIn.PATH + "?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        } else {
            basic.commence(request, response, refused);
        }
    }

    /** A browser following a link: a GET for HTML of a staff page, without credentials of a script. */
    private static boolean isPageOpenedInABrowser(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && path.startsWith("/staff/") && !path.startsWith("/staff/api/")
                && accept != null && accept.contains("text/html");
    }
}
