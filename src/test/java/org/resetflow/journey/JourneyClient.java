package org.resetflow.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A client of the public journey API, as a kiosk or the portal would use it, for end-to-end tests. */
final class JourneyClient {

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String field(String field) {
            return body.path(field).asText();
        }

        /** The flow's state: the body itself, or the {@code flow} member of a 422 "step not accepted" problem. */
        JsonNode flow() {
            return body.has("flow") ? body.get("flow") : body;
        }

        String stepKey() {
            return flow().path("step").path("key").asText(null);
        }
    }

    record Flow(String kind, String id, String token) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String language = "en";

    JourneyClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    JourneyClient language(String language) {
        this.language = language;
        return this;
    }

    Response start(String kind, String username) {
        return post("/api/v1/" + kind, null, Map.of("username", username));
    }

    Flow flow(String kind, Response started) {
        return new Flow(kind, started.body().path("flowId").asText(), started.body().path("flowToken").asText());
    }

    Response get(Flow flow) {
        return send(request("/api/v1/" + flow.kind() + "/" + flow.id(), flow.token()).GET().build());
    }

    Response submit(Flow flow, String step, Map<String, ?> values) {
        return post("/api/v1/" + flow.kind() + "/" + flow.id() + "/steps/" + step, flow.token(), Map.of("values", values));
    }

    Response post(String path, String token, Object body) {
        try {
            return postRaw(path, token, JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response postRaw(String path, String token, String body, String contentType) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response getPath(String path, String basicAuth) {
        HttpRequest.Builder request = request(path, null).GET();
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    Response postPath(String path, String basicAuth) {
        HttpRequest.Builder request = request(path, null).POST(HttpRequest.BodyPublishers.noBody());
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    /** The newest message in the development outbox to this address or number. */
    JsonNode lastMessageTo(String recipient) {
        JsonNode messages = outbox(recipient);
        return messages.size() == 0 ? null : messages.get(messages.size() - 1);
    }

    JsonNode outbox(String recipient) {
        return getPath("/dev/outbox?to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8), null).body();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
        if (token != null) {
            builder.header(JourneyController.TOKEN_HEADER, token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : readOrText(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readOrText(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
