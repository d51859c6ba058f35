package org.resetflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member's client for end-to-end tests: HTTP Basic on {@code /engine-rest} and {@code /staff}, and a browser-like
 * session (cookies, XSRF token) for the Camunda webapps.
 */
public final class StaffClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a script sends with a state-changing staff call; a cross-site request cannot. */
    public static final String SCRIPTED_CALL = "X-Requested-By";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String base;
    private final String user;
    private final String password;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public StaffClient(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.user = user;
        this.password = password;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    public Reply get(String path) {
        return send(basic(HttpRequest.newBuilder(URI.create(base + path))).GET().build());
    }

    public Reply postJson(String path, String json) {
        return send(basic(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", "application/json")
                .header(SCRIPTED_CALL, "resetflow-tests").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A state-changing call of a script: HTTP Basic and the header that names it ({@link #SCRIPTED_CALL}). */
    public Reply putJson(String path, String json) {
        return send(basic(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", "application/json")
                .header(SCRIPTED_CALL, "resetflow-tests").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply delete(String path) {
        return send(basic(HttpRequest.newBuilder(URI.create(base + path))).header(SCRIPTED_CALL, "resetflow-tests").DELETE().build());
    }

    /** What a page of another site makes the browser send: the browser's credentials, no header of the site's own. */
    public Reply postJsonFromAnotherSite(String path, String json) {
        return send(basic(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", "application/json")
                .header("Origin", "https://attacker.example").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** GETs a staff page, then submits its form with the page's CSRF token. */
    public Reply submitForm(String path) {
        Reply page = get(path);
        Matcher token = CSRF_FIELD.matcher(page.body());
        String csrf = token.find() ? (token.group(1) != null ? token.group(1) : token.group(2)) : "";
        return send(basic(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build());
    }

    /** Signs in to a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}, {@code welcome}) as a browser does. */
    public Reply webappLogin(String app) {
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET().build());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Reply login = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (login.status() == 200) {
            // the sign-in starts a new session, without the old one's CSRF token: the app's next read brings a new one
            webapp("/camunda/api/admin/auth/user/default");
        }
        return login;
    }

    /** A GET in the webapp session (after {@link #webappLogin}). */
    public Reply webapp(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrf()).GET().build());
    }

    /** A PUT in the webapp session, as Cockpit's buttons send it (after {@link #webappLogin}). */
    public Reply webappPutJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrf()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A DELETE in the webapp session, as Cockpit's buttons send it (after {@link #webappLogin}). */
    public Reply webappDelete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrf()).DELETE().build());
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private HttpRequest.Builder basic(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
