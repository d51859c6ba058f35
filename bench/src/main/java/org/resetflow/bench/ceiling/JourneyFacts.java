package org.resetflow.bench.ceiling;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The one list of what the ceiling supplies in place of ResetFlow's Java, for the journey it measures: a registered
 * cloud user like {@code bench01} resets with a code sent to the alternate email. Nothing here names a model element;
 * the models decide where each value is read.
 */
final class JourneyFacts {

    /** The journey's entry process, as the public API starts it ({@code POST /api/v1/resets}). */
    static final String ENTRY_PROCESS = "passwordReset";
    /** The variable the models set to the journey's outcome, and the outcome of a reset that went through. */
    static final String OUTCOME = "outcome";
    static final String COMPLETED = "COMPLETED";

    record Fact(Object value, boolean transientValue) {
    }

    /**
     * What the product's delegates set on that path (looking up the account, offering methods, matching the contact,
     * recording the proof), transient where theirs are. A process instance that reads one of these (in its
     * expressions, its {@code camunda:in} sources, its decisions' inputs) and has not been given it gets it when it
     * starts: the gateways then take the email path whatever the models' ids and shape.
     */
    static final Map<String, Fact> FACTS = facts(
            "accountKnown", true, false,
            "decoy", false, false,
            "identitySource", "cloud", false,
            "administrator", false, false,
            "protectedAccount", false, false,
            "reconfirmationDue", false, false,
            "registeredMethods", "EMAIL,QUESTIONS", false,
            "inScopeGroup", true, true,
            "registeredMethodCount", 2, true,
            "codeMethodCount", 1, true,
            "strongMethodRegistered", false, true,
            "strongMethodRule", true, true,
            "ssprScope", "groups", true,
            "userGates", 1, true,
            "writebackEnabled", false, true,
            "writebackRequired", false, false,
            "revealEligibility", true, false,
            "gate", 1, false,
            "provenGates", 1, false,
            "chosenMethod", "EMAIL", false,
            "method", "EMAIL", false,
            "destination", "ceiling.alt@bench.example.org", false,
            "contactMatched", true, false,
            "verifiedMethods", "EMAIL", false);

    private JourneyFacts() {
    }

    /** The variables the public API starts a reset with. */
    static VariableMap request(String user) {
        return Variables.createVariables()
                .putValue("username", user)
                .putValue("clientAddress", "127.0.0.1")
                .putValue("locale", "en")
                .putValue("journey", "reset")
                .putValue("requestedAt", Instant.now().toString())
                .putValue("node", "ceiling");
    }

    /**
     * What the user types, by form field key (the API passes every value as a transient variable): the email method,
     * the alternate address, a code, a new password.
     */
    static Map<String, Object> formValues(String user) {
        return Map.of(
                "method", "EMAIL",
                "contact", user + ".alt@bench.example.org",
                "code", "246810",
                "password", "Ceiling-Passw0rd-2!",
                "passwordConfirmation", "Ceiling-Passw0rd-2!");
    }

    /** The form fields' keys: what a step gets from the user, not from a seeded fact. */
    static final java.util.Set<String> FORM_KEYS = formValues("anyone").keySet();

    private static Map<String, Fact> facts(Object... triples) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            facts.put((String) triples[i], new Fact(triples[i + 1], (Boolean) triples[i + 2]));
        }
        return Map.copyOf(facts);
    }
}
