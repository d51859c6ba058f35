package org.resetflow.escalation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.resetflow.engine.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A Tasklist filter "Escalations" that shows the helpdesk's work and nothing else: the tasks offered to one of the
 * signed-in staff member's groups (escalations, failing directory writes, follow-ups). The users' own steps are
 * user tasks too, but they have no candidate group: they belong to the journey API, not to Tasklist. Listed through
 * the filter's REST API the most urgent come first (by due date, then by age; Tasklist applies its own sort, by
 * creation unless the user picks another), and each card names whose journey it is and why it came to the helpdesk
 * (shown to those who may read the escalation's process instance). The filter is rewritten at every start, so that
 * an installation gets what this version defines. Nodes of a cluster that start together rewrite it together: the
 * one whose write comes second finds it rewritten (the same definition, from the same version) and leaves it; two
 * that both found none and both created one leave two, and the next start keeps the oldest.
 */
@Component
class HelpdeskTaskFilter implements SmartInitializingSingleton {

    static final String NAME = "Escalations";

    private static final Logger log = LoggerFactory.getLogger(HelpdeskTaskFilter.class);

    private final FilterService filters;
    private final TaskService tasks;

    HelpdeskTaskFilter(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Filter> existing = filters.createFilterQuery().filterName(NAME).orderByFilterId().asc().list();
        Filter filter = (existing.isEmpty() ? filters.newTaskFilter(NAME) : existing.get(0))
                .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc().orderByTaskCreateTime().asc())
                .setProperties(Map.of("description", "Journeys self-service could not finish: confirm the identity, then decide",
                        "priority", -10, "refresh", true, "variables", List.of(
                                card(Vars.USERNAME, "User"), card(Vars.JOURNEY, "Journey"), card(EscalationVariables.ESCALATION_REASON, "Why"))));
        try {
            filters.saveFilter(filter);
            existing.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
        } catch (OptimisticLockingException anotherNode) {
            log.info("The Tasklist filter \"{}\" was rewritten by another node starting at the same time; this node leaves it as that node wrote it", NAME);
        }
    }

    /** A variable Tasklist shows on each task of the list, as Tasklist's filter dialog stores it. */
    private static Map<String, String> card(String variable, String label) {
        return Map.of("name", variable, "label", label);
    }
}
