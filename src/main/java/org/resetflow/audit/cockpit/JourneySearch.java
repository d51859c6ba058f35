package org.resetflow.audit.cockpit;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.resetflow.camunda.JourneyHistory;
import org.resetflow.shared.JourneyKind;
import org.resetflow.shared.JourneyStatus;
import org.resetflow.shared.Method;

/**
 * Which journeys of a window the list and the export show. {@code search} finds a username by any part of it
 * (ignoring case), or a flow id or client address exactly.
 */
record JourneySearch(Window window, String search, String outcome, String journey, String method) {

    /** The outcome of a journey that ended without one, for instance because an operator deleted it in Cockpit. */
    static final String CANCELLED = "CANCELLED";
    static final List<String> OUTCOMES = Stream.concat(Arrays.stream(JourneyStatus.values()).map(Enum::name), Stream.of(CANCELLED)).toList();
    static final List<String> JOURNEYS = Arrays.stream(JourneyKind.values()).map(JourneyKind::variableValue).toList();
    static final List<String> METHODS = Arrays.stream(Method.values()).map(Enum::name).toList();

    static final int MAX_SEARCH_LENGTH = 100;
    /** What usernames (UPN or uid), flow ids and IPv4/IPv6 addresses are made of. */
    private static final Pattern SEARCHABLE = Pattern.compile("[\\p{L}\\p{N}._@:+-]+");
    /** The LIKE escape character of the queries; it cannot occur in a search. */
    private static final String LIKE_ESCAPE = "!";

    static JourneySearch of(Window window, String search, String outcome, String journey, String method) {
        return new JourneySearch(window, checkedSearch(search), RequestParameters.oneOf("outcome", outcome, OUTCOMES),
                RequestParameters.oneOf("journey", journey, JOURNEYS), RequestParameters.oneOf("method", method, METHODS));
    }

    private static String checkedSearch(String search) {
        if (RequestParameters.isAbsent(search)) {
            return null;
        }
        String trimmed = search.trim();
        if (trimmed.length() > MAX_SEARCH_LENGTH || !SEARCHABLE.matcher(trimmed).matches()) {
            throw RequestParameters.badRequest("'search' may hold up to " + MAX_SEARCH_LENGTH
                    + " letters, digits and . _ @ : + - (a username or part of one, a flow id or a client address)");
        }
        return trimmed;
    }

    /** The search as the history's query takes it. */
    JourneyHistory.Search asQuery() {
        return new JourneyHistory.Search(window.from(), usernamePattern(), search, outcome, journey, method);
    }

    /** The search as a LIKE pattern on the lower-cased username: any part of it, {@code _} taken literally. */
    String usernamePattern() {
        return search == null ? null : "%" + RequestParameters.lowerCase(search).replace("_", LIKE_ESCAPE + "_") + "%";
    }
}
