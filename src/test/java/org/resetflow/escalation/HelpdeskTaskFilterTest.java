package org.resetflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.AdditionalAnswers.delegatesTo;

import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.InMemoryEngines;

/** Nodes of a cluster that start together all write the helpdesk's filter; none of them fails its start for it. */
class HelpdeskTaskFilterTest {

    private ProcessEngine engine;

    @BeforeEach
    void startEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = InMemoryEngines.configuration("filter");
        engine = configuration.buildProcessEngine();
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void aFirstStartCreatesTheFilterAndALaterOneRewritesIt() {
        start(engine.getFilterService());
        start(engine.getFilterService());

        assertThat(escalationFilters()).hasSize(1);
        assertThat(engine.getFilterService().createFilterQuery().singleResult().getProperties()).containsEntry("priority", -10);
    }

    /** NodeLossIT met it: node-3 stopped with an OptimisticLockingException on the filter that node-2 had just saved. */
    @Test
    void aNodeWhoseRewriteComesSecondStartsAndLeavesTheOthersFilter() {
        start(engine.getFilterService());
        FilterService real = engine.getFilterService();
        FilterService racing = mock(FilterService.class, delegatesTo(real));
        doAnswer(save -> {
            Filter otherNodes = real.createFilterQuery().filterName(HelpdeskTaskFilter.NAME).singleResult();
            real.saveFilter(otherNodes.setOwner(null)); // the other node's rewrite lands between this node's read and write
            return real.saveFilter(save.getArgument(0));
        }).when(racing).saveFilter(any());

        assertThatCode(() -> start(racing)).doesNotThrowAnyException();
        assertThat(escalationFilters()).hasSize(1);
    }

    @Test
    void twoFiltersLeftByNodesThatBothCreatedOneBecomeOneAtTheNextStart() {
        FilterService filters = engine.getFilterService();
        filters.saveFilter(filters.newTaskFilter(HelpdeskTaskFilter.NAME));
        filters.saveFilter(filters.newTaskFilter(HelpdeskTaskFilter.NAME));

        start(filters);

        assertThat(escalationFilters()).hasSize(1);
    }

    private void start(FilterService filters) {
        new HelpdeskTaskFilter(filters, engine.getTaskService()).afterSingletonsInstantiated();
    }

    private List<Filter> escalationFilters() {
        return engine.getFilterService().createFilterQuery().filterName(HelpdeskTaskFilter.NAME).list();
    }
}
