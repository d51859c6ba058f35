package org.resetflow.journey;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generates HTTP/1.1 requests as an attacker writes them, from one seed: methods, paths, headers, content types,
 * content codings, bodies and parameter names, each valid, odd or malformed, in every combination, towards every
 * surface (the API, the portal, the staff pages, the engine's REST API, the webapps, the actuator, {@code /error}).
 * The framing (Content-Length or chunked) is always right, so that every request gets an answer; what Tomcat
 * refuses for bad framing is Tomcat's own test. No request names a real user's account; half of those to the engine's
 * REST API and the staff pages carry the demo staff account's right credentials, to get past the sign-in, and none
 * a wrong password for it, so nothing here locks anyone out.
 */
final class MalformedRequests {

    /** A request ready to send: the head without its blank line, and the body as framed. */
    record Request(byte[] head, byte[] body) {
        /** The request as readable text: bytes outside printable ASCII as {@code \xNN}, long runs shortened. */
        String describe() {
            StringBuilder text = new StringBuilder();
            appendEscaped(text, head);
            text.append("\\r\\n");
            appendEscaped(text, body.length > 600 ? java.util.Arrays.copyOf(body, 600) : body);
            if (body.length > 600) {
                text.append("… (").append(body.length).append(" bytes)");
            }
            return text.toString();
        }

        private static void appendEscaped(StringBuilder text, byte[] bytes) {
            for (byte b : bytes) {
                int c = b & 0xff;
                if (c == '\r') {
                    text.append("\\r");
                } else if (c == '\n') {
                    text.append("\\n\n");
                } else if (c < 0x20 || c > 0x7e) {
                    text.append(String.format("\\x%02x", c));
                } else {
                    text.append((char) c);
                }
            }
        }
    }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
            "PROPFIND", "get", "FOO", "G\u00c9T", "POST ", "M-SEARCH");
    private static final List<String> PATHS = List.of("/", "/reset", "/reset/start", "/reset/steps/chooseMethod", "/reset/restart",
            "/unlock", "/unlock/start", "/register/steps/confirmPassword", "/portal/portal.css", "/portal/theme.css",
            "/api/v1/resets", "/api/v1/unlocks", "/api/v1/registrations", "/api/v1/resets/00000000-0000-0000-0000-000000000000",
            "/api/v1/resets/00000000-0000-0000-0000-000000000000/steps/chooseMethod", "/api/v1/resets/x/steps/enterCode",
            "/dev/outbox", "/error", "/nope", "/actuator/health", "/actuator/env", "/staff/escalations/1",
            "/staff/api/escalations/1/temporary-password", "/engine-rest/process-definition", "/engine-rest/task",
            "/engine-rest/user/x/profile", "/engine-rest/process-instance", "/engine-rest/history/process-instance",
            "/engine-rest/process-definition/key/x/statistics", "/engine-rest/task/x/form-variables", "/engine-rest/job",
            "/engine-rest/variable-instance", "/engine-rest/incident", "/engine-rest/authorization", "/engine-rest/group", "/camunda/app/tasklist/", "/camunda/app/cockpit/default/",
            "/camunda/api/admin/auth/user/default/login/cockpit", "/camunda/api/engine/engine/default/process-definition");
    private static final List<String> SEGMENTS = List.of("..", ".", "%2e%2e", "%2E", "%2f", "%5c", "\\", ";", ";jsessionid=x",
            "%00", "%ff", "%ED%A0%80", "%C0%AE", "\u00e4", "\u0085", "//", "~root", "%25", "%u0041", "%", "a%2", "*", "(", "{x}",
            "x".repeat(3000), "index.html", "steps", "..;", "%3b", "\t");
    private static final List<String> HEADER_NAMES = List.of("Accept", "Accept-Language", "Accept-Encoding", "Content-Type",
            "Content-Encoding", "X-Flow-Token", "Cookie", "Authorization", "Origin", "Referer", "X-XSRF-TOKEN", "X-CSRF-TOKEN",
            "X-Forwarded-For", "Forwarded", "X-Forwarded-Proto", "Range", "If-Modified-Since", "If-None-Match", "User-Agent",
            "X-Requested-With", "Upgrade", "Te", "Expect-CT", "X-\u00c4rger", "X_Flow_Token");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-16",
            "application/json; charset=nonsense", "application/json;charset=\u00e4", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=ISO-2022-JP", "application/x-www-form-urlencoded; charset=\"",
            "multipart/form-data", "multipart/form-data; boundary=x", "multipart/mixed; boundary=\"\"", "text/plain",
            "application/xml", "*/*", ";;;", "application/problem+json", "text/html; charset=utf-8", "application",
            "application/json\u0085", "\u00e4/\u00f6");
    private static final List<String> CODINGS = List.of("gzip", "deflate", "br", "identity", "x-gzip, gzip", "compress", "\u00e4", "");
    private static final List<String> NASTY = List.of("\u0000", "\u0001", "\u007f", "\u0085", "\u0099", "\u00a0", "\u00e4", "\u00ff",
            "%00", "%01", "%ZZ", "%ED%A0%80", "%C3%28", "%F0%9F%98", "\\ud800", "\\udc00", "\\u0000", "'", "\"", "<script>", "*)(uid=*",
            "${jndi:x}", "#{1}", "../../", "=", "&", "+", " ");

    private final SplittableRandom random;

    MalformedRequests(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Request next() {
        String method = pick(METHODS);
        String target = target();
        List<String> headers = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String name = pick(HEADER_NAMES);
            headers.add(name + ": " + headerValue(name));
        }
        if (chance(70)) {
            headers.add("Content-Type: " + (chance(80) ? pick(CONTENT_TYPES) : text(20)));
        }
        if (chance(15)) {
            headers.add("Content-Encoding: " + pick(CODINGS));
        }
        if (target.startsWith("/engine-rest") || target.startsWith("/staff")) {
            if (chance(50)) {
                // the demo staff account, to reach past the sign-in into the engine's and the handover's own handling
                headers.add("Authorization: Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.US_ASCII)));
                // as a script, which names itself, so that a call that changes something gets past the cross-site check
                headers.add("X-Requested-By: fuzz");
            }
        }
        byte[] content = body();
        boolean chunked = content.length > 0 && chance(35);
        headers.add(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + content.length);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        return new Request(head.toString().getBytes(StandardCharsets.ISO_8859_1), chunked ? chunked(content) : content);
    }

    private String target() {
        StringBuilder path = new StringBuilder(pick(PATHS));
        int segments = chance(50) ? random.nextInt(3) : 0;
        for (int i = 0; i < segments; i++) {
            String segment = pick(SEGMENTS);
            int at = random.nextInt(path.length() + 1);
            path.insert(at, (at == 0 || path.charAt(at - 1) != '/' ? "/" : "") + segment + (at < path.length() && path.charAt(at) != '/' ? "/" : ""));
        }
        if (chance(40)) {
            path.append('?').append(parameters(random.nextInt(4) + 1));
        }
        return path.toString();
    }

    private String headerValue(String name) {
        return switch (random.nextInt(6)) {
            case 0 -> text(random.nextInt(40));
            case 1 -> pick(NASTY) + text(5) + pick(NASTY);
            case 2 -> "x".repeat(random.nextInt(9000));
            case 3 -> switch (name) {
                case "Authorization" -> "Basic " + Base64.getEncoder().encodeToString((pick(List.of("nobody", "*", "x)(cn=*", "\u00e4\u00f6",
                        "", "a:b:c")) + ":" + text(8)).getBytes(StandardCharsets.ISO_8859_1));
                case "Cookie" -> pick(List.of("rf_reset", "rf_unlock", "rf_lang", "rf_csrf", "JSESSIONID", "XSRF-TOKEN", "rf_register"))
                        + "=" + text(random.nextInt(60));
                case "Accept" -> pick(List.of("application/json", "text/html", "application/problem+json", "*/*;q=x", "text/*;level=\u00e4"));
                case "Accept-Language" -> pick(List.of("de", "en-GB;q=0.9", "*", "de;q=2", "xx-\u00e4", ";;;"));
                default -> pick(NASTY);
            };
            case 4 -> "";
            default -> pick(NASTY);
        };
    }

    private byte[] body() {
        return switch (random.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> bytes(random.nextInt(2000));
            case 2 -> ("{\"username\":\"" + jsonText() + "\"}").getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"values\":{\"" + jsonText() + "\":\"" + jsonText() + "\",\"method\":\"EMAIL\",\"contact\":\"" + jsonText() + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> ("[".repeat(random.nextInt(3000)) + "1e99999" + "]".repeat(random.nextInt(3))).getBytes(StandardCharsets.UTF_8);
            case 5 -> parameters(random.nextInt(8) + 1).getBytes(StandardCharsets.ISO_8859_1);
            case 6 -> ("p=x&".repeat(random.nextInt(1500)) + parameters(1)).getBytes(StandardCharsets.ISO_8859_1);
            default -> ("x".repeat(random.nextInt(40_000))).getBytes(StandardCharsets.US_ASCII);
        };
    }

    /** Form or query parameters whose names and values are valid, odd or malformed. */
    private String parameters(int count) {
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                parameters.append('&');
            }
            String name = chance(50) ? pick(List.of("lang", "username", "_csrf", "method", "contact", "code", "to", "password"))
                    : text(random.nextInt(12));
            Supplier<String> nasty = () -> pick(NASTY);
            parameters.append(chance(40) ? name.isEmpty() ? nasty.get() : name.substring(0, name.length() / 2) + nasty.get()
                    + name.substring(name.length() / 2) : name);
            if (chance(85)) {
                parameters.append('=').append(chance(50) ? text(random.nextInt(30)) : nasty.get());
            }
        }
        return parameters.toString();
    }

    /** Printable ASCII with now and then a byte outside it, never CR or LF (they would end the header). */
    private String text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = chance(10) ? 0x80 + random.nextInt(0x80) : chance(3) ? random.nextInt(0x20) : 0x20 + random.nextInt(0x5f);
            text.append(c == '\r' || c == '\n' ? ' ' : (char) c);
        }
        return text.toString();
    }

    /** A JSON string's content with escapes, unpaired surrogates and control characters among ordinary text. */
    private String jsonText() {
        return switch (random.nextInt(5)) {
            case 0 -> "\\ud800";
            case 1 -> "x\\udc00y" + "\\u0000";
            case 2 -> "a".repeat(random.nextInt(1200));
            case 3 -> "nobody." + random.nextInt(1_000_000);
            default -> text(random.nextInt(20)).replace("\\", "\\\\").replace("\"", "\\\"");
        };
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] chunked(byte[] content) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        for (int at = 0; at < content.length; at += 1000) {
            int size = Math.min(1000, content.length - at);
            framed.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            framed.write(content, at, size);
            framed.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        framed.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return framed.toByteArray();
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
