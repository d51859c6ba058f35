package org.resetflow.journey;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Iterator;
import java.util.Locale;
import org.resetflow.engine.FieldErrors;
import org.resetflow.shared.JourneyKind;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public journey API: {@code /api/v1/resets}, {@code /api/v1/unlocks} and {@code /api/v1/registrations}.
 * The only surface open without sign-in; the flow token in {@code X-Flow-Token} is what binds a client to its flow.
 */
@RestController
@RequestMapping(path = "/api/v1/{journeys:resets|unlocks|registrations}", produces = MediaType.APPLICATION_JSON_VALUE)
class JourneyController {

    static final String TOKEN_HEADER = "X-Flow-Token";

    private final JourneyService journeys;
    private final ClientAddresses clients;

    JourneyController(JourneyService journeys, ClientAddresses clients) {
        this.journeys = journeys;
        this.clients = clients;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FlowView> start(@PathVariable String journeys, @RequestBody JsonNode body, HttpServletRequest request, Locale locale) {
        FlowView view = this.journeys.start(kind(journeys), onlyTextField(body, "username"), clients.of(request), locale);
        return ResponseEntity.created(URI.create("/api/v1/" + journeys + "/" + view.flowId())).body(view);
    }

    @GetMapping("/{flowId}")
    FlowView read(@PathVariable String journeys, @PathVariable String flowId,
                  @RequestHeader(name = TOKEN_HEADER, required = false) String token, Locale locale) {
        return this.journeys.read(kind(journeys), flowId, token, locale);
    }

    @PostMapping(path = "/{flowId}/steps/{stepKey}", consumes = MediaType.APPLICATION_JSON_VALUE)
    FlowView submit(@PathVariable String journeys, @PathVariable String flowId, @PathVariable String stepKey,
                    @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                    @RequestBody JsonNode body, Locale locale) {
        FieldErrors errors = new FieldErrors();
        if (!body.isObject()) {
            throw new JourneyExceptions.InvalidInput(errors.add("body", "BODY_NOT_OBJECT"));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("values")) {
                errors.add(name.length() > 64 ? "body" : name, "UNKNOWN_FIELD");
            }
        }
        if (!errors.isEmpty()) {
            throw new JourneyExceptions.InvalidInput(errors);
        }
        return this.journeys.submit(kind(journeys), flowId, token, stepKey, body.get("values"), locale);
    }

    private static JourneyKind kind(String segment) {
        return JourneyKind.fromPathSegment(segment).orElseThrow(JourneyExceptions.FlowNotFound::new);
    }

    /** The one field of a body that may hold only it, as text; null when it is missing. */
    static String onlyTextField(JsonNode body, String field) {
        FieldErrors errors = new FieldErrors();
        if (!body.isObject()) {
            throw new JourneyExceptions.InvalidInput(errors.add("body", "BODY_NOT_OBJECT"));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(field)) {
                errors.add(name.length() > 64 ? "body" : name, "UNKNOWN_FIELD");
            }
        }
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            errors.add(field, "NOT_TEXT");
        }
        if (!errors.isEmpty()) {
            throw new JourneyExceptions.InvalidInput(errors);
        }
        return value == null || value.isNull() ? null : value.asText();
    }
}
