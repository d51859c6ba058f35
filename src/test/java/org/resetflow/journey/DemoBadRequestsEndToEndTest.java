package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.eligibility.AccountProfiles;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.RawHttp;
import org.resetflow.testing.UnknownUsernames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Each kind of malformed request that once answered 500 (issue 15) or an unhelpful page (issue 17), one test per
 * kind: each now gets its 4xx, as a problem detail on the API and a page in the portal's look elsewhere, and the log
 * gets at most a line at INFO for it, without the offending value and without a stack trace.
 */
@Order(DemoJourneys.BAD_REQUESTS)
class DemoBadRequestsEndToEndTest extends DemoJourneys {

    private static final ObjectMapper JSON = new ObjectMapper();

    RawHttp raw() {
        return new RawHttp(port);
    }

    @Test
    void bytesOutsideAsciiInAHeaderAre400OnTheApiAndThePortal() {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "nobody.header"));
        int mark = log.mark();
        RawHttp.Answer token = raw().request("GET", "/api/v1/resets/" + flow.id(), "X-Flow-Token: t\u0085\u00e4k\n", "");
        assertProblem(token, 400);
        RawHttp.Answer language = raw().request("GET", "/reset", "Accept-Language: de\u0085\n", "");
        assertPage(language, 400, "This request could not be read");
        RawHttp.Answer csrfHeader = raw().request("POST", "/reset/start", "X-XSRF-TOKEN: \u0099\nContent-Type: application/x-www-form-urlencoded\n"
                + "Content-Length: 14\n", "username=alice");
        assertPage(csrfHeader, 400, "This request could not be read");
        assertCleanLog(mark, "t\u0085\u00e4k", "de\u0085");
    }

    @Test
    void aMultipartBodyIs415OnTheApiAndThePortal() {
        int mark = log.mark();
        String part = "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nalice\r\n--b--\r\n";
        assertProblem(raw().request("POST", "/api/v1/resets", "Content-Type: multipart/form-data\nContent-Length: 5\n", "hello"), 415);
        assertProblem(raw().request("POST", "/api/v1/resets", "Content-Type: multipart/form-data; boundary=b\nContent-Length: "
                + part.length() + "\n", part), 415);
        assertPage(raw().request("POST", "/reset/start", "Content-Type: multipart/form-data\nContent-Length: 5\n", "hello"), 415,
                "This form was sent in a way this site does not accept");
        assertPage(raw().request("POST", "/reset/start", "Content-Type: multipart/form-data; boundary=b\nContent-Length: "
                + part.length() + "\n", part), 415, "This form was sent in a way this site does not accept");
        assertCleanLog(mark);
    }

    @Test
    void aWildcardContentTypeIs415Everywhere() {
        int mark = log.mark();
        assertThat(raw().request("HEAD", "/actuator/health", "Content-Type: */*\nContent-Length: 2\n", "[]").status()).isEqualTo(415);
        assertProblem(raw().request("POST", "/api/v1/resets", "Content-Type: application/*\nContent-Length: 2\n", "{}"), 415);
        assertPage(raw().request("POST", "/reset/start", "Content-Type: */*\nContent-Length: 2\n", "{}"), 415,
                "This form was sent in a way this site does not accept");
        assertCleanLog(mark);
    }

    @Test
    void controlCharactersInAFormParameterNameAre400() {
        Csrf csrf = csrf();
        String start = "_csrf=" + csrf.token() + "&username=nobody.parameter";
        RawHttp.Answer started = raw().request("POST", "/reset/start", "Cookie: " + csrf.cookie() + "\n"
                + "Content-Type: application/x-www-form-urlencoded\nContent-Length: " + start.length() + "\n", start);
        assertThat(started.status()).isEqualTo(302);
        String flowCookie = started.headers("Set-Cookie").stream().filter(cookie -> cookie.startsWith("rf_reset="))
                .findFirst().orElseThrow().split(";", 2)[0];
        int mark = log.mark();
        for (String path : List.of("/reset/steps/chooseMethod", "/reset/start")) {
            String form = "_csrf=" + csrf.token() + "&meth%01od=EMAIL&method=EMAIL";
            RawHttp.Answer answer = raw().request("POST", path, "Cookie: " + csrf.cookie() + "; " + flowCookie + "\n"
                    + "Content-Type: application/x-www-form-urlencoded\nContent-Length: " + form.length() + "\n", form);
            assertPage(answer, 400, "This request could not be read");
        }
        assertCleanLog(mark, "meth\u0001od");
    }

    @Test
    void anUnpairedSurrogateIsInvalidInputBeforeItReachesAHashOrTheDirectory() {
        int mark = log.mark();
        JourneyApi.Response username = api.postRaw("/api/v1/resets", null, "{\"username\":\"al\\ud800ice\"}", "application/json");
        assertThat(username.status()).isEqualTo(422);
        assertThat(username.body().path("errors").findValuesAsText("code")).containsExactly("MALFORMED_TEXT");

        JourneyApi.Response started = api.start("resets", UnknownUsernames.withoutAnApp(profiles, "nobody.surrogate"));
        JourneyApi.Flow flow = api.flow("resets", started);
        assertThat(api.optionValues(started)).contains("QUESTIONS");
        JourneyApi.Response questions = choose(flow, "QUESTIONS", null);
        assertThat(questions.stepKey()).isEqualTo("answerQuestions");
        List<String> fields = questions.body().path("step").path("form").path("components").findValuesAsText("key");
        StringBuilder values = new StringBuilder("{\"values\":{");
        for (String field : fields) {
            values.append(values.length() > 11 ? "," : "").append('"').append(field).append("\":\"")
                    .append(field.equals(fields.get(0)) ? "blue\\udc00sky" : "blue sky").append('"');
        }
        values.append("}}");
        JourneyApi.Response malformed = api.postRaw("/api/v1/resets/" + flow.id() + "/steps/answerQuestions", flow.token(),
                values.toString(), "application/json");
        assertThat(malformed.status()).as(malformed.body().toString()).isEqualTo(422);
        assertThat(malformed.body().path("type").asText()).endsWith("/invalid-input");
        assertThat(malformed.body().path("errors").get(0).path("field").asText()).isEqualTo(fields.get(0));
        assertThat(malformed.body().path("errors").get(0).path("code").asText()).isEqualTo("MALFORMED_TEXT");
        assertThat(api.get(flow).stepKey()).as("nothing changed").isEqualTo("answerQuestions");

        Map<String, String> wrong = new java.util.LinkedHashMap<>();
        fields.forEach(field -> wrong.put(field, "blue sky"));
        JourneyApi.Response counted = api.submit(flow, "answerQuestions", wrong);
        assertThat(counted.status()).as("well-formed answers are checked as ever").isEqualTo(422);
        assertThat(counted.body().path("type").asText()).endsWith("/step-rejected");
        assertCleanLog(mark);
    }

    @Test
    void aDotDotSegmentIntoTheEngineApiIs400() {
        int mark = log.mark();
        for (String path : List.of("/api/../engine-rest/process-definition", "/camunda/../engine-rest/process-definition",
                "/api/%2e%2e/engine-rest/process-definition", "/api/..;/engine-rest/process-definition", "/reset/../engine-rest/user")) {
            RawHttp.Answer answer = raw().request("GET", path, "", "");
            assertThat(answer.status()).as(path).isEqualTo(400);
        }
        assertCleanLog(mark);
    }

    @Test
    void aMalformedPercentEscapeInTheQueryIs400EvenWhereTheEnginesApiDecodesAFormItself() {
        int mark = log.mark();
        String demo = "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.US_ASCII)) + "\n"
                + "X-Requested-By: a-script\n";
        // found by the fuzz test (seed 7541801540403): Jersey decodes a form request's query string itself and threw
        RawHttp.Answer form = raw().request("PUT", "/engine-rest/process-instance?co%ZZde=%ED%A0%80",
                demo + "Content-Type: application/x-www-form-urlencoded\nContent-Length: 0\n", "");
        assertThat(form.status()).as(form.body()).isEqualTo(400);
        assertThat(raw().request("GET", "/api/v1/resets/x?a=%4", "", "").status()).isEqualTo(400);
        assertCleanLog(mark);
    }

    @Test
    void theEnginesRestApiAnswers400ForAQueryWithoutABodyAndForAHeaderItCannotParse() {
        int mark = log.mark();
        String demo = "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.US_ASCII)) + "\n"
                + "X-Requested-By: a-script\n";
        for (String path : List.of("/engine-rest/task", "/engine-rest/job")) {
            RawHttp.Answer noType = raw().request("POST", path, demo + "Content-Length: 0\n", "");
            assertThat(noType.status()).as(noType.body()).isEqualTo(400);
            assertThat(noType.body()).contains("\"type\":\"InvalidRequestException\"").doesNotContain("NullPointer");
        }
        RawHttp.Answer encoding = raw().request("GET", "/engine-rest/task", demo + "Accept-Encoding: ;^20;=S4f\n", "");
        assertThat(encoding.status()).as(encoding.body()).isEqualTo(400);
        assertThat(encoding.body()).doesNotContain(";^20;=S4f");
        RawHttp.Answer text = raw().request("POST", "/engine-rest/task", demo + "Content-Type: text/plain\nContent-Length: 2\n", "{}");
        assertThat(text.status()).as(text.body()).isEqualTo(415);
        assertThat(raw().request("POST", "/engine-rest/task", demo + "Content-Type: application/json\nContent-Length: 2\n", "{}").status())
                .isEqualTo(200);
        assertCleanLog(mark, ";^20;=S4f");
    }

    @Test
    void aDirectRequestForTheErrorPageIs404() {
        int mark = log.mark();
        assertPage(raw().request("GET", "/error", "", ""), 404, "Page not found");
        assertProblem(raw().request("GET", "/error", "Accept: application/json\n", ""), 404);
        assertPage(raw().request("POST", "/error", "Content-Length: 0\n", ""), 404, "Page not found");
        assertCleanLog(mark);
    }

    @Test
    void aMistypedAddressIs404NotAnExpiredPage() {
        int mark = log.mark();
        assertPage(raw().request("GET", "/nope", "", ""), 404, "Page not found");
        assertPage(raw().request("GET", "/nope", "Accept-Language: de\n", ""), 404, "Seite nicht gefunden");
        assertPage(raw().request("GET", "/portal/nothing-here.css", "", ""), 404, "Page not found");
        assertProblem(raw().request("GET", "/api/v1/nope", "", ""), 404);
        assertCleanLog(mark);
    }

    @Test
    void theHandoverLinkOpenedWithoutASessionLeadsToTheStaffSignInAndBackToTheLink() {
        int mark = log.mark();
        RawHttp.Answer link = raw().request("GET", "/staff/escalations/123", BROWSER, "");
        assertThat(link.status()).isEqualTo(302);
        assertThat(pathOf(link.header("Location"))).isEqualTo("/staff/sign-in?next=%2Fstaff%2Fescalations%2F123");

        SignInForm signIn = staffSignIn(pathOf(link.header("Location")));
        assertThat(signIn.page().body()).contains("name=\"next\" value=\"/staff/escalations/123\"");
        RawHttp.Answer wrong = signIn.post("helen", "not-her-password", "/staff/escalations/123", "");
        assertPage(wrong, 200, "Staff sign-in");
        assertThat(wrong.body()).contains("The username or the password is not right.");
        assertThat(wrong.headers("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));

        RawHttp.Answer signedIn = signIn.post("helen", DEMO_PASSWORD, "/staff/escalations/123", "");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(pathOf(signedIn.header("Location"))).as("back to the link").isEqualTo("/staff/escalations/123");
        String session = signedIn.headers("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .reduce((first, last) -> last).orElseThrow().split(";", 2)[0];
        // signed in now: there is no escalation 123, and the page says so instead of asking for a sign-in again
        assertPage(raw().request("GET", "/staff/escalations/123", BROWSER + "Cookie: " + session + "\n", ""), 404, "Page not found");
        // the same session is Tasklist's: the webapps know helen
        assertThat(raw().request("GET", "/camunda/api/admin/auth/user/default", "Cookie: " + session + "\n", "").body())
                .contains("\"userId\":\"helen\"").contains("tasklist");

        // a destination outside the staff pages is not followed
        assertThat(pathOf(staffSignIn("/staff/sign-in").post("helen", DEMO_PASSWORD, "https://elsewhere.example/x", "").header("Location")))
                .isEqualTo("/camunda/app/tasklist/");
        // a script without credentials is still asked for them
        RawHttp.Answer script = raw().request("GET", "/staff/escalations/123", "", "");
        assertPage(script, 401, "Please sign in");
        assertThat(script.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(script.body()).contains("href=\"/staff/sign-in?next=/staff/escalations/123\"");
        assertProblem(raw().request("POST", "/staff/api/escalations/123/temporary-password", "Content-Length: 0\n", ""), 401);
        assertCleanLog(mark, DEMO_PASSWORD, "not-her-password");
    }

    @Test
    void aClientThatAsksForJsonGetsAProblemDetailEverywhere() {
        int mark = log.mark();
        assertProblem(raw().request("GET", "/nope", "Accept: application/json\n", ""), 404);
        assertProblem(raw().request("GET", "/reset/start", "Accept: application/problem+json, application/json;q=0.9\n", ""), 405);
        assertProblem(raw().request("GET", "/staff/escalations/123", "Accept: application/json\n", ""), 401);
        assertPage(raw().request("GET", "/nope", "Accept: text/html,application/json;q=0.9\n", ""), 404, "Page not found");
        assertPage(raw().request("GET", "/nope", "Accept: */*\n", ""), 404, "Page not found");
        assertPage(raw().request("GET", "/nope", "Accept: application/json;q=x;;\n", ""), 404, "Page not found");
        assertCleanLog(mark);
    }

    @Test
    void unknownAddressesAre404PagesWhateverTheirCharacters() {
        int mark = log.mark();
        for (String path : List.of("/nope", "/portal/nope", "/camunda/nope", "/reset/nope/deeper", "/staff/nope",
                "/n%C3%B6pe", "/nope%20here", "/nope~x", "/%E2%9C%93", "/nope.php", "/nope/", "/nope(1)", "/nope'x", "/!$&*+,=@", "/nope%7F",
                // Camunda's webapps answer these with a 500 and a stack trace (an app or engine they do not know)
                "/camunda/app/tasklist/nope", "/camunda/app/tasklist/nope/", "/camunda/app/tasklist/scripts/", "/camunda/app/nope/",
                "/camunda/app/nope/default/", "/camunda/app/tasklist/nope/setup/")) {
            RawHttp.Answer answer = raw().request("GET", path, BROWSER + "Authorization: Basic " + basic("demo:demo") + "\n", "");
            assertPage(answer, 404, "Page not found");
        }
        assertThat(raw().request("GET", "/camunda/app/tasklist/default/", BROWSER, "").status()).as("the webapps themselves").isEqualTo(200);
        assertThat(raw().request("GET", "/camunda/app/tasklist/scripts/config.js", "", "").status()).isEqualTo(200);
        // what Tomcat cannot decode it refuses before ResetFlow sees it, with the same page
        for (String path : List.of("/nope%ZZ", "/reset%", "/nope%2Fx", "/%00")) {
            assertPage(raw().request("GET", path, BROWSER, ""), 400, "This request could not be read");
            assertPage(raw().request("GET", path, BROWSER + "Accept-Language: de\n", ""), 400, "Diese Anfrage konnte nicht gelesen werden");
        }
        assertProblem(raw().request("GET", "/api/v1/n%C3%B6pe", "", ""), 404);
        RawHttp.Answer engine = raw().request("GET", "/engine-rest/nope", "Authorization: Basic " + basic("demo:demo") + "\n", "");
        assertThat(engine.status()).isEqualTo(404);
        assertThat(engine.header("Content-Type")).as("Camunda's own error shape").contains("json");
        assertCleanLog(mark);
    }

    @Test
    void everyErrorStatusAPersonCanMeetHasAPageInEnglishAndGerman() {
        Csrf csrf = csrf();
        int mark = log.mark();
        // too many wrong staff passwords for one account: its sign-ins are then refused without a password check
        SignInForm throttled = staffSignIn("/staff/sign-in");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(throttled.post("nobody.throttled", "guess-" + attempt, "", "").status()).as("attempt %d", attempt).isEqualTo(200);
        }
        for (String language : List.of("en", "de")) {
            boolean de = language.equals("de");
            String accept = "Accept-Language: " + language + "\n";
            assertPage(raw().request("POST", "/reset/start?lang=" + language, "X-XSRF-TOKEN: \u0085\n"
                    + "Content-Type: application/x-www-form-urlencoded\nContent-Length: 14\n", "username=alice"), 400,
                    de ? "Diese Anfrage konnte nicht gelesen werden" : "This request could not be read");
            assertPage(raw().request("GET", "/staff/escalations/1", accept, ""), 401, de ? "Bitte melden Sie sich an" : "Please sign in");
            assertPage(raw().request("POST", "/reset/start", accept + "Content-Type: application/x-www-form-urlencoded\nContent-Length: 14\n",
                    "username=alice"), 403, de ? "Diese Seite ist abgelaufen" : "This page has expired");
            assertPage(raw().request("GET", "/nope", accept, ""), 404, de ? "Seite nicht gefunden" : "Page not found");
            assertPage(raw().request("GET", "/reset/start", accept, ""), 405,
                    de ? "Diese Seite kann so nicht verwendet werden" : "This page cannot be used this way");
            String big = "_csrf=" + csrf.token() + "&username=" + "x".repeat(20_000);
            assertPage(raw().request("POST", "/reset/start", accept + "Cookie: " + csrf.cookie() + "\n"
                    + "Content-Type: application/x-www-form-urlencoded\nContent-Length: " + big.length() + "\n", big), 413,
                    de ? "Es wurde zu viel gesendet" : "Too much was sent");
            assertPage(raw().request("POST", "/reset/start", accept + "Content-Type: text/plain\nContent-Length: 5\n", "alice"), 415,
                    de ? "Dieses Formular wurde auf eine Weise gesendet" : "This form was sent in a way this site does not accept");
            RawHttp.Answer tooMany = throttled.post("nobody.throttled", "Demo-Passw0rd!", "", accept);
            assertPage(tooMany, 429, de ? "Anmeldung für Mitarbeitende" : "Staff sign-in");
            assertThat(tooMany.body()).contains(de ? "Zu viele falsche Passwörter" : "Too many wrong passwords");
            assertThat(tooMany.header("Retry-After")).matches("\\d+");
        }
        assertCleanLog(mark, "guess-");
    }

    /**
     * The pages of the statuses a browser meets only when something is away or busy: too many requests from one
     * network (the portal's per-client limits, which the tests set out of reach), a fault of ResetFlow's own (500), a
     * directory that does not answer (503), a proxy's 502 or 504. The application renders them as the servlet
     * container's error dispatch asks it to (the status and the address that failed, as request attributes).
     */
    @Test
    void theStatusesOfAnOutageOrALimitHaveTheirPagesInEnglishAndGermanToo() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).build();
        Map<Integer, List<String>> headings = Map.of(
                429, List.of("Please try again later", "Bitte versuchen Sie es später erneut"),
                500, List.of("Something went wrong", "Etwas ist schiefgelaufen"),
                502, List.of("Something went wrong", "Etwas ist schiefgelaufen"),
                503, List.of("Please try again in a minute", "Bitte versuchen Sie es in einer Minute erneut"),
                504, List.of("Something went wrong", "Etwas ist schiefgelaufen"),
                418, List.of("This request could not be handled", "Diese Anfrage konnte nicht bearbeitet werden"));
        int mark = log.mark();
        for (Map.Entry<Integer, List<String>> status : headings.entrySet()) {
            assertPage(errorDispatch(mvc, status.getKey(), "/reset/start", "en"), status.getKey(), status.getValue().get(0));
            assertPage(errorDispatch(mvc, status.getKey(), "/reset/start", "de"), status.getKey(), status.getValue().get(1));
            assertProblem(errorDispatch(mvc, status.getKey(), "/api/v1/resets", "en"), status.getKey());
        }
        assertCleanLog(mark);
    }

    @Autowired
    AccountProfiles profiles;

    @Autowired
    WebApplicationContext web;

    /** The servlet container's error dispatch for a request to {@code uri} that ended in {@code status}. */
    private static RawHttp.Answer errorDispatch(MockMvc mvc, int status, String uri, String language) throws Exception {
        MockHttpServletResponse answer = mvc.perform(MockMvcRequestBuilders.get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status).requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
                .header("Accept", "text/html").header("Accept-Language", language)).andReturn().getResponse();
        return new RawHttp.Answer(answer.getStatus(), Map.of("content-type", List.of(String.valueOf(answer.getContentType()))),
                answer.getContentAsString(StandardCharsets.UTF_8));
    }

    /** What a browser sends when it follows a link. */
    static final String BROWSER = "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\n";

    /** The staff sign-in page as a browser has it: its CSRF cookie and token. */
    SignInForm staffSignIn(String page) {
        RawHttp.Answer form = raw().request("GET", page, BROWSER, "");
        assertPage(form, 200, "Staff sign-in");
        String cookie = form.headers("Set-Cookie").stream().filter(c -> c.startsWith("rf_staff_csrf="))
                .findFirst().orElseThrow().split(";", 2)[0];
        String token = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return new SignInForm(raw(), form, cookie, token);
    }

    record SignInForm(RawHttp raw, RawHttp.Answer page, String cookie, String token) {
        /** Sends the form; {@code headers} (each ending in a new line) go with it. */
        RawHttp.Answer post(String username, String password, String next, String headers) {
            String form = "_csrf=" + encode(token) + "&next=" + encode(next) + "&username=" + encode(username) + "&password=" + encode(password);
            return raw.request("POST", "/staff/sign-in", BROWSER + headers + "Cookie: " + cookie + "\n"
                    + "Content-Type: application/x-www-form-urlencoded\nContent-Length: " + form.length() + "\n", form);
        }
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String basic(String credentials) {
        return java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.US_ASCII));
    }

    /** The path and query of a {@code Location}, whether the server made it absolute or not. */
    static String pathOf(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void bodyLimitsHoldForChunkedAndCompressedBodiesOnTheApiAndThePortal() throws IOException {
        Csrf csrf = csrf();
        int mark = log.mark();
        String form = "_csrf=" + csrf.token() + "&username=" + "x".repeat(40_000);
        RawHttp.Answer chunkedForm = raw().request("POST", "/reset/start", "Cookie: " + csrf.cookie() + "\n"
                + "Content-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked\n", chunked(form));
        assertPage(chunkedForm, 413, "Too much was sent");
        String small = "_csrf=" + csrf.token() + "&username=alice";
        RawHttp.Answer smallChunkedForm = raw().request("POST", "/reset/start", "Cookie: " + csrf.cookie() + "\n"
                + "Content-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked\n", chunked(small));
        assertThat(smallChunkedForm.status()).as("a small chunked form is read as ever").isEqualTo(302);

        byte[] gzippedJson = gzip("{\"username\":\"alice\"}");
        RawHttp.Answer gzipApi = raw().send(("POST /api/v1/resets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Encoding: gzip\r\nContent-Length: " + gzippedJson.length + "\r\n").getBytes(StandardCharsets.US_ASCII), gzippedJson);
        assertProblem(gzipApi, 415);
        assertThat(gzipApi.header("Accept-Encoding")).isEqualTo("identity");
        RawHttp.Answer deflateApi = raw().request("POST", "/api/v1/resets", "Content-Type: application/json\nContent-Encoding: deflate\n"
                + "Transfer-Encoding: chunked\n", chunked("x".repeat(100)));
        assertProblem(deflateApi, 415);
        byte[] gzippedForm = gzip(small);
        RawHttp.Answer gzipPortal = raw().send(("POST /reset/start HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + csrf.cookie() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Encoding: gzip\r\nContent-Length: " + gzippedForm.length + "\r\n")
                .getBytes(StandardCharsets.US_ASCII), gzippedForm);
        assertPage(gzipPortal, 415, "This form was sent in a way this site does not accept");
        assertThat(gzipPortal.header("Accept-Encoding")).isEqualTo("identity");
        assertCleanLog(mark);
    }

    record Csrf(String cookie, String token) {
    }

    /** The portal's CSRF cookie and the token its start page carries, as a browser would have them. */
    Csrf csrf() {
        RawHttp.Answer page = raw().request("GET", "/reset", "", "");
        String cookie = page.headers("Set-Cookie").stream().filter(c -> c.startsWith("rf_csrf="))
                .findFirst().orElseThrow().split(";", 2)[0];
        String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return new Csrf(cookie, java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    static String chunked(String body) {
        StringBuilder chunks = new StringBuilder();
        for (int at = 0; at < body.length(); at += 4096) {
            String chunk = body.substring(at, Math.min(body.length(), at + 4096));
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).contains("application/problem+json");
        JsonNode problem = read(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    static void assertPage(RawHttp.Answer answer, int status, String heading) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.body()).contains("<h1>" + heading).contains("class=\"site-header\"").contains("class=\"site-footer\"")
                .doesNotContain("Exception").doesNotContain("at org.");
    }

    /** Since the mark: nothing at ERROR, no stack trace, none of the values the requests carried. */
    static void assertCleanLog(int mark, String... values) {
        List<String> logged = log.since(mark);
        assertThat(logged).noneMatch(line -> line.startsWith("ERROR ")).noneMatch(line -> line.contains("\tat "));
        for (String value : values) {
            assertThat(logged).noneMatch(line -> line.contains(value));
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
