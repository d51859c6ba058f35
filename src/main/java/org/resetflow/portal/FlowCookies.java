package org.resetflow.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The portal keeps a journey's flow id and token in a cookie of its own path: HttpOnly, SameSite=Strict, Secure
 * outside the embedded demo, gone when the browser closes. Never in a URL, never readable by scripts.
 */
@Component
class FlowCookies {

    record Stored(String flowId, String token) {
    }

    private final PortalProperties portal;

    FlowCookies(PortalProperties portal) {
        this.portal = portal;
    }

    Optional<Stored> read(HttpServletRequest request, PortalJourney journey) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> journey.cookieName().equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(value -> value.indexOf('~') > 0)
                .map(value -> new Stored(value.substring(0, value.indexOf('~')), value.substring(value.indexOf('~') + 1)))
                .findFirst();
    }

    void write(HttpServletResponse response, PortalJourney journey, String flowId, String token) {
        response.addCookie(cookie(journey, flowId + "~" + token, -1));
    }

    void forget(HttpServletResponse response, PortalJourney journey) {
        response.addCookie(cookie(journey, "", 0));
    }

    private Cookie cookie(PortalJourney journey, String value, int maxAge) {
        Cookie cookie = new Cookie(journey.cookieName(), value);
        cookie.setPath(journey.path());
        cookie.setHttpOnly(true);
        cookie.setSecure(portal.secureCookies());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }
}
