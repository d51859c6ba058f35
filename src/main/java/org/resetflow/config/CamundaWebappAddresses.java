package org.resetflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Addresses of the Camunda webapps that Camunda answers with a 500 and a stack trace in the log are 404. Camunda's
 * {@code ProcessEnginesFilter} serves an app's start page for {@code /camunda/app/{app}/{engine}/} and fails with a
 * {@code NullPointerException} when it does not know the engine ({@code /camunda/app/tasklist/nope/}, also a folder of
 * the app's files such as {@code /camunda/app/tasklist/scripts/}) or the app ({@code /camunda/app/nope/default/}).
 * This filter reads the address as Camunda does (its pattern, 7.24) and answers those with the portal's 404 page
 * before Camunda's filters run; every other address goes on unchanged. Camunda's files are not changed.
 */
final class CamundaWebappAddresses extends OncePerRequestFilter {

    static final String WEBAPP_PATH = "/camunda";
    /** Camunda's {@code ProcessEnginesFilter.APP_PREFIX_PATTERN}: app, engine, and the page below them. */
    private static final Pattern START_PAGE = Pattern.compile("/app/(?:([\\w-]+?)/(?:(index\\.html|[\\w-]+)?/?([^?]*)?)?)?");
    private static final Set<String> APPS = Set.of("admin", "cockpit", "tasklist", "welcome");

    private final Supplier<String> engine;

    CamundaWebappAddresses(Supplier<String> engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUnknownStartPage(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        chain.doFilter(request, response);
    }

    boolean isUnknownStartPage(String path) {
        if (!path.startsWith(WEBAPP_PATH + "/app/")) {
            return false;
        }
        Matcher address = START_PAGE.matcher(path.substring(WEBAPP_PATH.length()));
        if (!address.matches() || address.group(1) == null) {
            return false;
        }
        String page = address.group(3);
        if (page != null && !page.isEmpty() && !page.equals("setup/")) {
            // a file of the app: Camunda serves it or answers 404 itself
            return false;
        }
        String engineName = address.group(2);
        return !APPS.contains(address.group(1)) || (engineName != null && !engineName.equals("index.html") && !engineName.equals(engine.get()));
    }
}
