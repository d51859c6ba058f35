package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.JourneyApi;

/** Bad input, security headers, CSRF and the flow cookie, and the staff surfaces behind sign-in. */
@Order(DemoJourneys.WEB_SECURITY)
class DemoWebSecurityEndToEndTest extends DemoJourneys {

    @Test
    void badInputGetsAClearProblemAndChangesNothing() {
        assertProblem(api.postRaw("/api/v1/resets", null, "{not json", "application/json"), 400);
        assertProblem(api.postRaw("/api/v1/resets", null, "username=alice", "application/x-www-form-urlencoded"), 415);
        assertProblem(api.post("/api/v1/resets", null, Map.of()), 422);
        assertProblem(api.post("/api/v1/resets", null, Map.of("username", 42)), 422);
        assertProblem(api.post("/api/v1/resets", null, Map.of("username", "a".repeat(300))), 422);
        assertProblem(api.post("/api/v1/resets", null, Map.of("username", "alice", "admin", true)), 422);
        assertProblem(api.postRaw("/api/v1/resets", null, "[\"alice\"]", "application/json"), 422);
        assertProblem(api.postRaw("/api/v1/resets", null, "{\"username\":\"" + "x".repeat(20_000) + "\"}", "application/json"), 413);
        // chunked: no Content-Length to check, the body is counted as it is read
        assertProblem(api.postChunked("/api/v1/resets", null, "{\"username\":\"" + "x".repeat(1_000_000) + "\"}", "application/json"), 413);
        assertThat(api.postChunked("/api/v1/resets", null, "{\"username\":\"alice\"}", "application/json").status()).isEqualTo(201);
        assertProblem(api.post("/api/v1/elsewhere", null, Map.of("username", "alice")), 404);

        JourneyApi.Response started = api.start("resets", "alice");
        JourneyApi.Flow flow = api.flow("resets", started);
        JsonNode before = api.get(flow).body();
        assertProblem(api.get(new JourneyApi.Flow("resets", flow.id(), "wrong-token")), 404);
        assertProblem(api.get(new JourneyApi.Flow("resets", flow.id(), null)), 404);
        assertProblem(api.get(new JourneyApi.Flow("unlocks", flow.id(), flow.token())), 404);
        assertProblem(api.get(new JourneyApi.Flow("resets", "00000000-0000-0000-0000-000000000000", flow.token())), 404);
        assertProblem(api.submit(flow, "setPassword", Map.of("password", "x")), 409);
        assertProblem(api.submit(flow, "noSuchStep", Map.of()), 409);
        assertProblem(api.submit(flow, "chooseMethod", Map.of("method", "CARRIER_PIGEON", "contact", "x")), 422);
        assertProblem(api.submit(flow, "chooseMethod", Map.of("method", 7)), 422);
        assertProblem(api.submit(flow, "chooseMethod", Map.of("method", "EMAIL")), 422);
        assertProblem(api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "x".repeat(400))), 422);
        assertProblem(api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "a@b.org", "extra", "x")), 422);
        assertProblem(api.post("/api/v1/resets/" + flow.id() + "/steps/chooseMethod", flow.token(), Map.of("vals", Map.of())), 422);
        assertProblem(api.post("/api/v1/resets/" + flow.id() + "/steps/chooseMethod", flow.token(), Map.of("values", "EMAIL")), 422);
        assertThat(api.get(flow).body()).isEqualTo(before);

        JourneyApi.Response frank = api.start("resets", "frank");
        assertProblem(api.submit(api.flow("resets", frank), "chooseMethod", Map.of("method", "EMAIL", "contact", "x@y.org")), 409);
    }

    private static void assertProblem(JourneyApi.Response response, int status) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(response.body().path("title").asText()).isNotBlank();
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void theApiSendsStrictSecurityHeaders() {
        JourneyApi.Response started = api.start("resets", "alice");
        assertThat(started.raw().headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(started.raw().headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(started.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(started.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        assertThat(started.raw().headers().firstValue("Set-Cookie")).as("the API keeps no session").isEmpty();
    }

    @Test
    void thePortalRefusesAFormWithoutItsCsrfTokenAndKeepsTheFlowTokenInAStrictCookie() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;
        java.net.http.HttpResponse<String> page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/reset")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain(" style=\"");

        java.net.http.HttpResponse<String> forged = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/reset/start"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=alice")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("rf_reset="));

        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        java.net.http.HttpResponse<String> started = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/reset/start"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                                + "&username=alice")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/reset"));
        String flowCookie = started.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rf_reset=")).findFirst().orElseThrow();
        assertThat(flowCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/reset");
    }

    @Test
    void theDemoStaffUserSignsInToTheWebapps() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;
        browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/cockpit/default/")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
        java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=demo&password=demo")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"demo\"").contains("cockpit");
        java.net.http.HttpResponse<String> statistics = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/camunda/api/engine/engine/default/process-definition?key=passwordReset")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(statistics.statusCode()).isEqualTo(200);
        assertThat(statistics.body()).contains("Reset a forgotten password");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void staffSurfacesRequireSignInAndTheDemoStaffUserGetsIn() {
        assertThat(api.getPath("/engine-rest/process-definition", null).status()).isEqualTo(401);
        assertThat(api.getPath("/engine-rest/process-definition", "nobody:demo").status()).isEqualTo(401);
        assertThat(api.getPath("/engine-rest/process-definition", "demo:demo").status()).isEqualTo(200);
        assertThat(api.getPath("/camunda/api/engine/engine/default/process-definition", null).status()).isIn(401, 403);
        assertThat(api.getPath("/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null).status()).isIn(401, 403);
        assertThat(api.postPath("/staff/api/escalations/x/temporary-password", null).status()).isEqualTo(401);
        assertThat(api.getPath("/actuator/env", null).status()).isIn(401, 403, 404);
        assertThat(api.getPath("/actuator/health", null).status()).isEqualTo(200);
        // last: a wrong password makes Camunda refuse the user's sign-ins for a few seconds
        assertThat(api.getPath("/engine-rest/process-definition", "demo:wrong").status()).isEqualTo(401);
    }
}
