package org.resetflow.escalation;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A Tasklist filter "Escalations" that shows the helpdesk's work and nothing else: the tasks offered to one of the
 * signed-in staff member's groups (escalations, failing directory writes, follow-ups). The users' own steps are
 * user tasks too, but they have no candidate group: they belong to the journey API, not to Tasklist.
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
                        .orderByTaskCreateTime().asc())
                .setProperties(java.util.Map.of("description", "Journeys self-service could not finish: confirm the identity, then decide",
                        "priority", -10, "refresh", true));
        filters.saveFilter(filter);
    }
}
