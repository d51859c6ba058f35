package org.resetflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A client of ResetFlow's public journey API (docs/api.md), as a kiosk or the portal would use it. */
final class JourneyClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The nodes; each request goes to the next, as a round-robin load balancer sends it. */
    private final List<URI> bases;
    private final AtomicInteger next = new AtomicInteger();
    /** Answers that said "working" (the journey was still on its way) and were followed until it rested. */
    final AtomicLong workingAnswers = new AtomicLong();
    /** Answers that said "try again" (503: too many security answers waiting to be checked), sent again after Retry-After. */
    final AtomicLong tryAgainAnswers = new AtomicLong();

    JourneyClient(URI... bases) {
        this.bases = List.of(bases);
    }

    private URI base() {
        return bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
    }

    record Answer(int status, JsonNode body) {

        String stepKey() {
            return body.path("step").path("key").asText(null);
        }

        String journeyStatus() {
            return body.path("status").asText(null);
        }
    }

    record Flow(String kind, String id, String token) {
    }

    Flow start(String kind, String username, String expectedStep) throws IOException, InterruptedException {
        return startWithAnswer(kind, username, expectedStep).flow();
    }

    record Started(Flow flow, Answer answer) {
    }

    /** Starts a journey, and keeps its first step's answer (its form, its options). */
    Started startWithAnswer(String kind, String username, String expectedStep) throws IOException, InterruptedException {
        Answer answer = send(HttpRequest.newBuilder(base().resolve("/api/v1/" + kind)), Map.of("username", username));
        Flow flow = new Flow(kind, answer.body().path("flowId").asText(), answer.body().path("flowToken").asText());
        Answer first = followWorking(flow, answer);
        expect(first, 201, expectedStep, "start " + kind + " for " + username);
        return new Started(flow, first);
    }

    /** Takes a step; expects 200 and the next step's key, or the end status when {@code expected} is upper case. */
    Answer submit(Flow flow, String key, Map<String, ?> values, String expected) throws IOException, InterruptedException {
        Answer answer = followWorking(flow, step(flow, key, values));
        expect(answer, 200, expected, key);
        return answer;
    }

    /** Takes a step the journey refuses and comes back to (wrong answers): expects 422 and the same step again. */
    Answer submitRejected(Flow flow, String key, Map<String, ?> values) throws IOException, InterruptedException {
        Answer answer = step(flow, key, values);
        if (answer.status() != 422 || !key.equals(answer.body().path("flow").path("step").path("key").asText(null))) {
            throw new IllegalStateException("%s: expected 422 and %s again, got %d %s".formatted(key, key, answer.status(), abbreviate(answer.body())));
        }
        return answer;
    }

    /**
     * Sends a step; as a kiosk would, sends it again after Retry-After while the answer is 503 "try again" (the
     * hashing queue was full, nothing was taken), at most 20 times. The step's time includes the waits.
     */
    private Answer step(Flow flow, String key, Map<String, ?> values) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response = http.send(post(HttpRequest.newBuilder(base().resolve("/api/v1/" + flow.kind() + "/" + flow.id()
                    + "/steps/" + key)).header("X-Flow-Token", flow.token()), Map.of("values", values)), HttpResponse.BodyHandlers.ofByteArray());
            Answer answer = answer(response);
            if (answer.status() != 503 || !answer.body().path("type").asText().endsWith("/try-again") || attempt == 20) {
                return answer;
            }
            tryAgainAnswers.incrementAndGet();
            Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
        }
    }

    /**
     * As the portal does: an answer that says the journey is still working (no step yet, no end) is followed by
     * reading the journey every 100 ms until it rests, for at most 30 s. The step's time includes the wait.
     */
    private Answer followWorking(Flow flow, Answer answer) throws IOException, InterruptedException {
        if (!working(answer)) {
            return answer;
        }
        workingAnswers.incrementAndGet();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Answer current = answer;
        while (working(current) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base().resolve("/api/v1/" + flow.kind() + "/" + flow.id()))
                    .header("X-Flow-Token", flow.token()).header("Accept-Language", "en").timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            current = new Answer(response.statusCode(), JSON.readTree(response.body()));
        }
        return new Answer(answer.status(), current.body());
    }

    private static boolean working(Answer answer) {
        if (answer.status() >= 300 || !"ACTIVE".equals(answer.journeyStatus()) || answer.stepKey() != null) {
            return false;
        }
        for (JsonNode message : answer.body().path("messages")) {
            String code = message.path("code").asText();
            if (code.equals("working") || code.equals("pending")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The code in the newest message with a code in the development outbox to this address, once it is not
     * {@code previous} (null: any). A code is delivered in a process instance of its own after the answer to "Choose a
     * verification method", so it may arrive a moment later, as an email does: the outbox is read every 20 ms, for at
     * most 30 s. The step's time includes the wait.
     */
    String newCode(String to, String previous) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            String code = lastCode(to);
            if (code != null && !code.equals(previous)) {
                return code;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no new code for " + to + " in the outbox");
            }
            Thread.sleep(20);
        }
    }

    /**
     * The code in the newest message with a code to this address, or null when there is none yet. With several
     * nodes, each keeps its own development outbox (the node whose job executor delivered the code has it): the
     * newest over all of them.
     */
    private String lastCode(String to) throws IOException, InterruptedException {
        String code = null;
        Instant newest = Instant.MIN;
        for (URI node : bases) {
            HttpRequest request = HttpRequest.newBuilder(node.resolve("/dev/outbox?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode messages = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !messages.isArray()) {
                throw new IllegalStateException("the outbox did not answer for " + to + " (" + response.statusCode() + ")");
            }
            // the newest message with a code: the notice that a previous journey changed the password may come after it
            for (int i = messages.size() - 1; i >= 0; i--) {
                String found = messages.get(i).path("code").asText(null);
                if (found != null && !found.isEmpty()) {
                    Instant sentAt = sentAt(messages.get(i).path("sentAt"));
                    if (code == null || sentAt.isAfter(newest)) {
                        code = found;
                        newest = sentAt;
                    }
                    break;
                }
            }
        }
        return code;
    }

    private static Instant sentAt(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli((long) (value.asDouble() * 1000));
        }
        try {
            return Instant.parse(value.asText());
        } catch (RuntimeException notATime) {
            return Instant.MIN;
        }
    }

    private Answer send(HttpRequest.Builder builder, Object body) throws IOException, InterruptedException {
        return answer(http.send(post(builder, body), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static HttpRequest post(HttpRequest.Builder builder, Object body) throws IOException {
        return builder.timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    private static Answer answer(HttpResponse<byte[]> response) throws IOException {
        return new Answer(response.statusCode(), response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private static void expect(Answer answer, int status, String expected, String what) {
        boolean endStatus = expected != null && expected.equals(expected.toUpperCase());
        String actual = endStatus ? answer.journeyStatus() : answer.stepKey();
        if (answer.status() != status || (expected != null && !expected.equals(actual))) {
            throw new IllegalStateException("%s: expected %d %s, got %d %s %s".formatted(what, status, expected, answer.status(),
                    actual, abbreviate(answer.body())));
        }
    }

    private static String abbreviate(JsonNode body) {
        String text = body.has("type") || body.has("messages")
                ? String.valueOf(body.has("type") ? body.path("type").asText() + " " + body.path("errors") : body.path("messages"))
                : "";
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
