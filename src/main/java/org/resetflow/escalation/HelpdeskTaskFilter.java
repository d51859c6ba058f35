package org.resetflow.escalation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.resetflow.engine.Vars;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A Tasklist filter "Escalations" that shows the helpdesk's work and nothing else: the tasks offered to one of the
 * signed-in staff member's groups (escalations, failing directory writes, follow-ups). The users' own steps are
 * user tasks too, but they have no candidate group: they belong to the journey API, not to Tasklist. Listed through
 * the filter's REST API the most urgent come first (by due date, then by age; Tasklist applies its own sort, by
 * creation unless the user picks another), and each card names whose journey it is and why it came to the helpdesk
 * (shown to those who may read the escalation's process instance). The filter is rewritten at every start, so that
 * an installation gets what this version defines.
 */
@Component
class HelpdeskTaskFilter implements SmartInitializingSingleton {

    static final String NAME = "Escalations";

    private final FilterService filters;
    private final TaskService tasks;

    HelpdeskTaskFilter(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Filter existing = filters.createFilterQuery().filterName(NAME).singleResult();
        Filter filter = (existing != null ? existing : filters.newTaskFilter(NAME))
                .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc().orderByTaskCreateTime().asc())
                .setProperties(Map.of("description", "Journeys self-service could not finish: confirm the identity, then decide",
                        "priority", -10, "refresh", true, "variables", List.of(
                                card(Vars.USERNAME, "User"), card(Vars.JOURNEY, "Journey"), card(EscalationVariables.ESCALATION_REASON, "Why"))));
        filters.saveFilter(filter);
    }

    /** A variable Tasklist shows on each task of the list, as Tasklist's filter dialog stores it. */
    private static Map<String, String> card(String variable, String label) {
        return Map.of("name", variable, "label", label);
    }
}
