package org.resetflow.audit.cockpit;

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

/** A browser's conversation with Cockpit: a session cookie from the sign-in form, Camunda's XSRF token beside it. */
final class CockpitSession {

    static final String AUDIT = "/camunda/api/cockpit/plugin/" + AuditPlugin.ID + "/default/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    private CockpitSession(String base) {
        this.base = base;
    }

    static CockpitSession anonymous(String base) {
        return new CockpitSession(base);
    }

    /** Opens Cockpit (which sets the XSRF-TOKEN cookie) and signs in as Cockpit's login form does. */
    static CockpitSession signIn(String base, String user, String password) {
        CockpitSession session = new CockpitSession(base);
        session.get("/camunda/app/cockpit/default/");
        String xsrf = session.cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("Cockpit set no XSRF-TOKEN cookie"));
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password))).build());
        if (login.statusCode() != 200) {
            throw new AssertionError("sign-in of " + user + " answered " + login.statusCode() + ": " + login.body());
        }
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "*/*").GET().build());
    }

    HttpResponse<String> audit(String pathAndQuery) {
        return get(AUDIT + pathAndQuery);
    }

    /** An audit resource that must answer 200 with JSON. */
    JsonNode auditJson(String pathAndQuery) {
        HttpResponse<String> response = audit(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
