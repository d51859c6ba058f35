package org.resetflow.engine;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The configuration the BPMN models read in expressions ({@code ${journeySettings.codeLifetime}}), gathered from
 * every feature's {@link ModelSettings} at start-up. The expression language reads it as a map; a name that no
 * feature contributes fails the expression with a message naming the known ones, not with a null timer.
 */
@Component("journeySettings")
public class JourneySettings extends AbstractMap<String, String> {

    private final Map<String, String> settings;

    public JourneySettings(List<ModelSettings> contributions, EngineProperties engine) {
        Map<String, String> all = new TreeMap<>();
        all.put("directoryRetryCycle", engine.directoryRetryCycle());
        for (ModelSettings contribution : contributions) {
            contribution.modelSettings().forEach((name, value) -> {
                if (all.putIfAbsent(name, value) != null) {
                    throw new IllegalStateException("The model setting '" + name + "' is contributed twice (again by "
                            + contribution.getClass().getSimpleName() + ")");
                }
            });
        }
        this.settings = Map.copyOf(all);
    }

    @Override
    public String get(Object name) {
        String value = settings.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The models ask for ${journeySettings." + name + "}, which no feature provides;"
                    + " known: " + new TreeMap<>(settings).keySet());
        }
        return value;
    }

    @Override
    public boolean containsKey(Object name) {
        return settings.containsKey(name);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return settings.entrySet();
    }
}
