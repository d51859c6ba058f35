package org.resetflow.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * English or German: {@code ?lang=de} (remembered in a cookie) wins, then that cookie, then the browser's
 * {@code Accept-Language}; English when none of them asks for a language ResetFlow speaks.
 */
public class PortalLocaleResolver implements LocaleResolver {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    static final String PARAMETER = "lang";
    static final String COOKIE = "rf_lang";

    private final boolean secureCookies;

    public PortalLocaleResolver(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return supported(request.getParameter(PARAMETER))
                .or(() -> cookie(request).flatMap(PortalLocaleResolver::supported))
                .or(() -> acceptLanguage(request))
                .orElse(Locale.ENGLISH);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale == null ? "" : locale.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setMaxAge(locale == null ? 0 : 365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    static Optional<Locale> supported(String language) {
        if (language == null || language.isBlank()) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equalsIgnoreCase(language.trim())).findFirst();
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    private static Optional<Locale> acceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookup(Locale.LanguageRange.parse(header), Collections.unmodifiableList(SUPPORTED)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
