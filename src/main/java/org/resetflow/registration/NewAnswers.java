package org.resetflow.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.resetflow.engine.FieldErrors;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.recoveryinfo.SecurityAnswers;

/**
 * The questions and answers a user chose to register, checked: each question at most once and from the catalogue,
 * each answer long enough and unlike the others once normalised. The same rules where the answers are hashed
 * ({@link AnswerHashing}) and where they are saved ({@link SaveRegistrationDelegate}).
 *
 * @param chosen question id → answer as typed, in the order of the form
 * @param errors what is wrong, next to its field; empty when the answers can be registered
 */
record NewAnswers(Map<String, String> chosen, FieldErrors errors) {

    /** @param values the step's values by field name ({@code question1}, {@code answer1}, …) */
    static NewAnswers of(RegistrationProperties properties, Function<String, Object> values) {
        FieldErrors errors = new FieldErrors();
        Map<String, String> chosen = new LinkedHashMap<>();
        Map<String, String> normalisedAnswers = new LinkedHashMap<>();
        for (int n = 1; n <= properties.questionsToRegister(); n++) {
            String question = (String) values.apply("question" + n);
            String answer = (String) values.apply("answer" + n);
            if (question == null || !properties.questions().contains(question)) {
                errors.add("question" + n, "QUESTION_UNKNOWN");
            } else if (chosen.containsKey(question)) {
                errors.add("question" + n, "QUESTION_DUPLICATE");
            }
            String normalised = SecurityAnswers.normalise(answer);
            if (normalised.length() < 2) {
                errors.add("answer" + n, "ANSWER_TOO_SHORT");
            } else if (normalisedAnswers.containsValue(normalised)) {
                errors.add("answer" + n, "ANSWER_DUPLICATE");
            }
            if (question != null) {
                chosen.put(question, answer);
                normalisedAnswers.put(question, normalised);
            }
        }
        return new NewAnswers(chosen, errors);
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /** Never the answers in a log line or an exception message. */
    @Override
    public String toString() {
        return "NewAnswers" + chosen.keySet();
    }
}
