package org.resetflow.engine;

import java.util.Map;

/**
 * Settings of one feature that the BPMN models read in expressions, as {@code ${journeySettings.name}}: timer
 * durations and retry cycles as the ISO 8601 strings Camunda expects, and the staff groups tasks are offered to.
 * Each feature contributes its own; {@link JourneySettings} gathers them, so the engine knows none of them.
 */
public interface ModelSettings {

    /** The settings by the name the models use; a name may be contributed once only. */
    Map<String, String> modelSettings();
}
