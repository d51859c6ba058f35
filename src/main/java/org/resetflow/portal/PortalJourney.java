package org.resetflow.portal;

import java.util.Arrays;
import java.util.Optional;
import org.resetflow.shared.JourneyKind;

/** The portal's three journeys: their page, their cookie, and the API journey behind them. */
enum PortalJourney {
    RESET("reset", JourneyKind.RESET),
    UNLOCK("unlock", JourneyKind.UNLOCK),
    REGISTER("register", JourneyKind.REGISTRATION);

    private final String segment;
    private final JourneyKind kind;

    PortalJourney(String segment, JourneyKind kind) {
        this.segment = segment;
        this.kind = kind;
    }

    String segment() {
        return segment;
    }

    JourneyKind kind() {
        return kind;
    }

    String path() {
        return "/" + segment;
    }

    String cookieName() {
        return "rf_" + segment;
    }

    static Optional<PortalJourney> of(String segment) {
        return Arrays.stream(values()).filter(journey -> journey.segment.equals(segment)).findFirst();
    }
}
