package org.resetflow.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.resetflow.shared.JourneyStatus;

/** A journey's state as the public API shows it. */
@JsonPropertyOrder({"flowId", "flowToken", "status", "step", "messages", "errors"})
public record FlowView(
        String flowId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String flowToken,
        JourneyStatus status,
        Step step,
        List<Message> messages,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    /** The user task the journey waits at: its BPMN id, its place in the journey and its resolved form. */
    public record Step(String key, int index, int total, JsonNode form) {
    }

    public record Message(String code, String text) {
    }

    public record FieldError(String field, String code, String message) {
    }

    FlowView withToken(String token) {
        return new FlowView(flowId, token, status, step, messages, errors);
    }

    boolean hasErrorsAt(String key) {
        return step != null && step.key().equals(key) && errors != null && !errors.isEmpty();
    }
}
