package org.resetflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated users' journeys over the public API. */
final class Scenarios {

    static final String[] EMAIL_STEPS = {"start", "chooseMethod", "enterCode", "setPassword", "devOutbox"};
    static final String[] MIXED_STEPS = {"start", "chooseMethod", "enterCode", "answerQuestions", "setPassword", "devOutbox"};
    /** Steps of the journey itself; {@code devOutbox} is the bench reading the code, not a step of the user. */
    static final java.util.Set<String> JOURNEY_STEPS = java.util.Set.of("start", "chooseMethod", "enterCode", "answerQuestions", "setPassword");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "bcdfghjkmnpqrstvwxzBCDFGHJKMNPQRSTVWXZ";

    private final JourneyClient api;
    private final BenchUsers users;
    private final Map<String, String> lastCodes = new ConcurrentHashMap<>();

    Scenarios(JourneyClient api, BenchUsers users) {
        this.api = api;
        this.users = users;
    }

    /** Like alice: a code by email, read from the development outbox, then a new password. */
    void email(Load.Journey journey) throws Exception {
        String user = journey.user();
        String alternate = BenchUsers.alternateEmail(user);
        JourneyClient.Flow[] flow = new JourneyClient.Flow[1];
        journey.step("start", () -> flow[0] = api.start("resets", user, "chooseMethod"));
        journey.step("chooseMethod", () -> api.submit(flow[0], "chooseMethod", Map.of("method", "EMAIL", "contact", alternate), "enterCode"));
        String[] code = new String[1];
        journey.step("devOutbox", () -> code[0] = api.lastCode(alternate));
        if (code[0] == null || code[0].equals(lastCodes.put(user, code[0]))) {
            throw new IllegalStateException("no new code for " + user + " in the outbox");
        }
        journey.step("enterCode", () -> api.submit(flow[0], "enterCode", Map.of("code", code[0]), "setPassword"));
        setPassword(journey, flow[0]);
    }

    /** Every second journey of a user answers the three security questions instead of taking a code. */
    void mixed(Load.Journey journey) throws Exception {
        if (journey.sequence() % 2 == 0) {
            email(journey);
            return;
        }
        String user = journey.user();
        JourneyClient.Flow[] flow = new JourneyClient.Flow[1];
        JourneyClient.Answer[] questions = new JourneyClient.Answer[1];
        journey.step("start", () -> flow[0] = api.start("resets", user, "chooseMethod"));
        journey.step("chooseMethod", () -> questions[0] = api.submit(flow[0], "chooseMethod", Map.of("method", "QUESTIONS"), "answerQuestions"));
        Map<String, String> registered = users.answersOf(user);
        Map<String, Object> values = new LinkedHashMap<>();
        for (JsonNode component : questions[0].body().path("step").path("form").path("components")) {
            String key = component.path("key").asText("");
            if (key.startsWith("answer")) {
                String answer = registered.get(component.path("label").asText());
                if (answer == null) {
                    throw new IllegalStateException("unknown question " + component.path("label").asText());
                }
                values.put(key, answer);
            }
        }
        journey.step("answerQuestions", () -> api.submit(flow[0], "answerQuestions", values, "setPassword"));
        setPassword(journey, flow[0]);
    }

    private void setPassword(Load.Journey journey, JourneyClient.Flow flow) throws Exception {
        String password = newPassword();
        journey.step("setPassword", () -> api.submit(flow, "setPassword",
                Map.of("password", password, "passwordConfirmation", password), "COMPLETED"));
    }

    /** Random consonants and digits (no dictionary word, never the user's name) with a symbol: meets the policy. */
    static String newPassword() {
        StringBuilder password = new StringBuilder("Rq2%");
        for (int i = 0; i < 10; i++) {
            password.append(i % 3 == 2 ? (i % 2 == 0 ? '2' : '6') : LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return password.toString();
    }
}
