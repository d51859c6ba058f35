package org.resetflow.testing;

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

/** A client of the public journey API, as a kiosk would use it, for end-to-end tests. */
public final class JourneyApi {

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String field(String field) {
            return body.path(field).asText();
        }

        /** The flow's state: the body itself, or the {@code flow} member of a 422 "step not accepted" problem. */
        public JsonNode flow() {
            return body.has("flow") ? body.get("flow") : body;
        }

        public String stepKey() {
            return flow().path("step").path("key").asText(null);
        }
    }

    public record Flow(String kind, String id, String token) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String language = "en";

    public JourneyApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public JourneyApi language(String language) {
        this.language = language;
        return this;
    }

    public Response start(String kind, String username) {
        return post("/api/v1/" + kind, null, Map.of("username", username));
    }

    public Flow flow(String kind, Response started) {
        return new Flow(kind, started.body().path("flowId").asText(), started.body().path("flowToken").asText());
    }

    public Response get(Flow flow) {
        return send(request("/api/v1/" + flow.kind() + "/" + flow.id(), flow.token()).GET().build());
    }

    public Response submit(Flow flow, String step, Map<String, ?> values) {
        return post("/api/v1/" + flow.kind() + "/" + flow.id() + "/steps/" + step, flow.token(), Map.of("values", values));
    }

    public Response post(String path, String token, Object body) {
        try {
            return postRaw(path, token, JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response postRaw(String path, String token, String body, String contentType) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A body sent chunked, without a Content-Length, as a client that streams it would. */
    public Response postChunked(String path, String token, String body, String contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build());
    }

    public Response getPath(String path, String basicAuth) {
        HttpRequest.Builder request = request(path, null).GET();
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    public Response postPath(String path, String basicAuth) {
        HttpRequest.Builder request = request(path, null).POST(HttpRequest.BodyPublishers.noBody());
        if (basicAuth != null) {
            // a script's call: it names itself, which a cross-site request cannot
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)))
                    .header(StaffClient.SCRIPTED_CALL, "resetflow-tests");
        }
        return send(request.build());
    }

    /** The newest message in the development outbox to this address or number. */
    public JsonNode lastMessageTo(String recipient) {
        JsonNode messages = outbox(recipient);
        return messages.size() == 0 ? null : messages.get(messages.size() - 1);
    }

    public JsonNode outbox(String recipient) {
        return getPath("/dev/outbox?to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8), null).body();
    }

    /** The values a step offers for its choices (radio or select), in order. */
    public java.util.List<String> optionValues(Response response) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (JsonNode component : response.flow().path("step").path("form").path("components")) {
            component.path("values").forEach(option -> values.add(option.path("value").asText()));
        }
        return values;
    }

    /** The journey's process instance, found through its business key (the flow id), for checks on the engine. */
    public String processInstanceOf(org.camunda.bpm.engine.RuntimeService runtime, Flow flow) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(flow.id()).list().stream()
                .filter(instance -> instance.getProcessDefinitionId().startsWith("password") || instance.getProcessDefinitionId().startsWith("account")
                        || instance.getProcessDefinitionId().startsWith("recovery"))
                .findFirst().orElseThrow().getId();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
        if (token != null) {
            builder.header("X-Flow-Token", token);
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
