package org.resetflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated users' journeys over the public API. */
final class Scenarios {

    static final String[] EMAIL_STEPS = {"start", "chooseMethod", "enterCode", "setPassword", "devOutbox"};
    static final String[] MIXED_STEPS = {"start", "chooseMethod", "enterCode", "answerQuestions", "setPassword", "devOutbox"};
    /**
     * The storm's steps: the email journeys' under their own names, so that their p99 compares with the email-only
     * run's; the question journeys' and the decoys' with a prefix, except the answers.
     */
    static final String[] STORM_STEPS = {"start", "chooseMethod", "enterCode", "setPassword", "q.start", "q.chooseMethod", "answerQuestions",
            "q.setPassword", "decoy.start", "decoy.chooseMethod", "decoy.answerQuestions", "decoy.enterAuthenticatorCode", "burst.start", "devOutbox"};
    /** The steps of the email journey, which the storm must not slow down much. */
    static final java.util.List<String> EMAIL_JOURNEY_STEPS = java.util.List.of("start", "chooseMethod", "enterCode", "setPassword");
    /** Steps of the journey itself; {@code devOutbox} is the bench reading the code, not a step of the user. */
    static final java.util.Set<String> JOURNEY_STEPS = java.util.Set.of("start", "chooseMethod", "enterCode", "answerQuestions", "setPassword");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "bcdfghjkmnpqrstvwxzBCDFGHJKMNPQRSTVWXZ";

    private final JourneyClient api;
    private final BenchUsers users;
    /** Per user, the code of the last journey: a new journey waits for another one. Shared by every copy of these scenarios. */
    private final Map<String, String> lastCodes;
    /** How long a user thinks before each step, on average; zero: journeys back to back, steps at once. */
    private final Duration think;

    Scenarios(JourneyClient api, BenchUsers users) {
        this(api, users, Duration.ZERO, new ConcurrentHashMap<>());
    }

    private Scenarios(JourneyClient api, BenchUsers users, Duration think, Map<String, String> lastCodes) {
        this.api = api;
        this.users = users;
        this.think = think;
        this.lastCodes = lastCodes;
    }

    /** The same users' journeys with think time between steps. */
    Scenarios thinking(Duration mean) {
        return new Scenarios(api, users, mean, lastCodes);
    }

    /** The same users' journeys through other nodes (a restarted ResetFlow, or two behind a load balancer). */
    Scenarios through(JourneyClient other) {
        return new Scenarios(other, users, think, lastCodes);
    }

    /** Like alice: a code by email, read from the development outbox, then a new password. */
    void email(Load.Journey journey) throws Exception {
        String user = journey.user();
        String alternate = BenchUsers.alternateEmail(user);
        JourneyClient.Flow[] flow = new JourneyClient.Flow[1];
        journey.think(think);
        journey.step("start", () -> flow[0] = api.start("resets", user, "chooseMethod"));
        journey.think(think);
        journey.step("chooseMethod", () -> api.submit(flow[0], "chooseMethod", Map.of("method", "EMAIL", "contact", alternate), "enterCode"));
        String[] code = new String[1];
        // not the code of the user's last journey, nor, before the first, the one that confirmed the address
        journey.step("devOutbox", () -> code[0] = api.newCode(alternate, lastCodes.getOrDefault(user, users.registrationCode(user))));
        lastCodes.put(user, code[0]);
        journey.think(think);
        journey.step("enterCode", () -> api.submit(flow[0], "enterCode", Map.of("code", code[0]), "setPassword"));
        setPassword(journey, flow[0]);
    }

    /** Every second journey of a user answers the three security questions instead of taking a code. */
    void mixed(Load.Journey journey) throws Exception {
        if (journey.sequence() % 2 == 0) {
            email(journey);
        } else {
            questions(journey, "");
        }
    }

    /**
     * A storm of resets in which security answers compete with codes: of every 20 journeys of a user, 14 take a code
     * by email (70 %), 5 answer the questions (25 %), and 1 is a decoy (5 %): an unknown username that answers three
     * questions wrongly and gives up, as someone probing would. The decoys are load, not journeys: their steps are
     * timed, they are not counted. Users start at different places in the pattern.
     */
    void storm(Load.Journey journey) throws Exception {
        int slot = Math.floorMod(journey.user().hashCode() * 7 + (int) journey.sequence(), 20);
        if (slot == 0) {
            decoy(journey);
        } else if (slot <= 5) {
            questions(journey, "q.");
        } else {
            email(journey);
        }
    }

    /** The open-loop burst of the storm: a journey started (and left at its first step), timed from when it was due. */
    void burstStart(Load.Journey journey) throws Exception {
        String user = journey.user();
        journey.step("burst.start", () -> api.start("resets", user, "chooseMethod"));
    }

    /** A journey that answers the user's three security questions; its steps but the answers named with {@code prefix}. */
    private void questions(Load.Journey journey, String prefix) throws Exception {
        String user = journey.user();
        JourneyClient.Flow[] flow = new JourneyClient.Flow[1];
        JourneyClient.Answer[] questions = new JourneyClient.Answer[1];
        journey.think(think);
        journey.step(prefix + "start", () -> flow[0] = api.start("resets", user, "chooseMethod"));
        journey.think(think);
        journey.step(prefix + "chooseMethod", () -> questions[0] = api.submit(flow[0], "chooseMethod", Map.of("method", "QUESTIONS"), "answerQuestions"));
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
        journey.think(think);
        journey.step("answerQuestions", () -> api.submit(flow[0], "answerQuestions", values, "setPassword"));
        setPassword(journey, prefix + "setPassword", flow[0]);
    }

    /**
     * An unknown username answers its questions wrongly, once, and gives up; or, when its decoy's list offers only a
     * strong method (as a share of decoys' lists do), types a wrong code from an authenticator app, once.
     */
    private void decoy(Load.Journey journey) throws Exception {
        journey.uncounted();
        String nobody = "nobody-" + Long.toHexString(RANDOM.nextLong());
        JourneyClient.Started[] started = new JourneyClient.Started[1];
        JourneyClient.Answer[] questions = new JourneyClient.Answer[1];
        journey.think(think);
        journey.step("decoy.start", () -> started[0] = api.startWithAnswer("resets", nobody, "chooseMethod"));
        JourneyClient.Flow flow = started[0].flow();
        String offered = started[0].answer().body().path("step").toString();
        if (!offered.contains("\"QUESTIONS\"")) {
            if (!offered.contains("\"AUTHENTICATOR_APP\"")) {
                return; // a passkey only: a prober without the device gives up here
            }
            journey.think(think);
            journey.step("decoy.chooseMethod", () -> api.submit(flow, "chooseMethod", Map.of("method", "AUTHENTICATOR_APP"), "enterAuthenticatorCode"));
            journey.think(think);
            journey.step("decoy.enterAuthenticatorCode", () -> api.submitRejected(flow, "enterAuthenticatorCode",
                    Map.of("code", String.format("%06d", RANDOM.nextInt(1_000_000)))));
            return;
        }
        journey.think(think);
        journey.step("decoy.chooseMethod", () -> questions[0] = api.submit(flow, "chooseMethod", Map.of("method", "QUESTIONS"), "answerQuestions"));
        Map<String, Object> guesses = new LinkedHashMap<>();
        for (JsonNode component : questions[0].body().path("step").path("form").path("components")) {
            String key = component.path("key").asText("");
            if (key.startsWith("answer")) {
                guesses.put(key, "guess " + RANDOM.nextInt(1000));
            }
        }
        journey.think(think);
        journey.step("decoy.answerQuestions", () -> api.submitRejected(flow, "answerQuestions", guesses));
    }

    private void setPassword(Load.Journey journey, JourneyClient.Flow flow) throws Exception {
        setPassword(journey, "setPassword", flow);
    }

    private void setPassword(Load.Journey journey, String step, JourneyClient.Flow flow) throws Exception {
        String password = newPassword();
        journey.think(think);
        journey.step(step, () -> api.submit(flow, "setPassword",
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
