package org.resetflow.audit.cockpit;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.resetflow.camunda.JourneyHistory;

/**
 * "ResetFlow audit", a Cockpit plugin for process owners: the journeys of a time window in figures, a searchable
 * list and a CSV export. Registered in {@code META-INF/services}; its page and dashboard widget are
 * {@code plugin-webapp/resetflow-audit/app/plugin.js}, its REST resources {@link AuditRootResource}.
 */
public class AuditPlugin extends AbstractCockpitPlugin {

    public static final String ID = "resetflow-audit";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(AuditRootResource.class);
    }

    @Override
    public List<String> getMappingFiles() {
        return List.of(JourneyHistory.MAPPING_FILE);
    }
}
