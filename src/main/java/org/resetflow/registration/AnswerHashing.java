package org.resetflow.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.resetflow.engine.StepPreparation;
import org.resetflow.recoveryinfo.HashingQueue;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.recoveryinfo.SecurityAnswers;
import org.resetflow.secret.KeyedHasher;
import org.springframework.stereotype.Component;

/**
 * The preparation of "Choose and answer security questions" ({@code preparation=answerHashing}): the new answers
 * are hashed before the engine command, with no transaction and no connection held, and the hashes go into the
 * task's completion ({@link RegistrationVariables#ANSWER_HASHES}), stamped with the server's keyed hash for this
 * process instance, where "Save the recovery information" stores them. Answers that cannot be registered are not
 * hashed: that step sends them back with their errors.
 */
@Component("answerHashing")
class AnswerHashing implements StepPreparation {

    private static final TypeReference<Map<String, String>> BY_QUESTION = new TypeReference<>() {
    };

    private final SecurityAnswers answers;
    private final RegistrationProperties properties;
    private final KeyedHasher hasher;
    private final ObjectMapper json;

    AnswerHashing(SecurityAnswers answers, RegistrationProperties properties, KeyedHasher hasher, ObjectMapper json) {
        this.answers = answers;
        this.properties = properties;
        this.hasher = hasher;
        this.json = json;
    }

    @Override
    public Work prepare(Step step) {
        NewAnswers chosen = NewAnswers.of(properties, step::input);
        String context = context(step.processInstanceId());
        return () -> {
            if (!chosen.valid()) {
                return Map.of();
            }
            Map<String, String> hashes;
            try {
                hashes = answers.hashAll(chosen.chosen());
            } catch (HashingQueue.Busy busy) {
                throw new Busy(busy.retryAfter(), busy);
            }
            try {
                return Map.of(RegistrationVariables.ANSWER_HASHES, hasher.stamp(context, json.writeValueAsString(hashes)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A map of strings cannot be written as JSON", e);
            }
        };
    }

    /** The hashes a step was given (question id → hash), when they are a stamp {@link #prepare} made for its process instance. */
    static Optional<Map<String, String>> hashes(KeyedHasher hasher, ObjectMapper json, String processInstanceId, Object stamped) {
        return hasher.unstamped(context(processInstanceId), stamped).map(text -> {
            try {
                return json.readValue(text, BY_QUESTION);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The stamped hashes are not the JSON this server wrote", e);
            }
        });
    }

    private static String context(String processInstanceId) {
        return "answer-hashes:" + processInstanceId;
    }
}
