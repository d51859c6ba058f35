package org.resetflow.bench.ceiling;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * ResetFlow's models read from the jar under measurement, checked, and the stand-ins they need: one no-op under
 * every bean name the models delegate to, and a map of stand-in values under every bean name whose properties the
 * models read. Registered once the bare application is ready, before the models are deployed, so that its start-up
 * (the baseline ResetFlow's is compared with) stays that of a bare application.
 */
public final class StandIns {

    /** Does nothing, as a service task's delegate, an execution listener or a task listener. */
    static final class NoOp implements JavaDelegate, ExecutionListener, TaskListener {

        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }
    }

    /** The models and what they ask for. */
    record Models(ProductModels resources, ModelScan scan) {

        /** Process key to the facts its model reads and the ceiling supplies. */
        Map<String, Map<String, JourneyFacts.Fact>> factsByProcess() {
            Map<String, Map<String, JourneyFacts.Fact>> byProcess = new LinkedHashMap<>();
            scan.readsByProcess().forEach((process, reads) -> {
                Map<String, JourneyFacts.Fact> facts = new LinkedHashMap<>();
                // what called processes read from the journey through journeyFacts, the journey is given
                Stream<String> journeyReads = process.equals(JourneyFacts.ENTRY_PROCESS) ? scan.journeyReads().stream() : Stream.empty();
                // what the user types at a step is the step's (transient) value, never a fact seeded at the start:
                // the engine refuses a transient variable over a persistent one of the same name
                Stream.concat(reads.stream(), journeyReads).filter(JourneyFacts.FACTS::containsKey)
                        .filter(name -> !JourneyFacts.FORM_KEYS.contains(name))
                        .forEach(name -> facts.put(name, JourneyFacts.FACTS.get(name)));
                byProcess.put(process, Map.copyOf(facts));
            });
            return byProcess;
        }
    }

    private StandIns() {
    }

    /** Reads and checks the models; fails, naming everything it cannot stand in for. */
    static Models read(Path source) {
        ProductModels resources = ProductModels.read(source);
        ModelScan scan = ModelScan.of(resources, Set.copyOf(JourneyFacts.FACTS.keySet())).check();
        return new Models(resources, scan);
    }

    /**
     * For the driver, before it starts anything: fails, naming everything the ceiling cannot stand in for, rather
     * than after ResetFlow's half of a run.
     */
    public static void check(Path source) {
        read(source);
    }

    static void register(ConfigurableListableBeanFactory beans, Models models) {
        NoOp noOp = new NoOp();
        for (String name : models.scan().delegateBeans()) {
            register(beans, name, noOp);
        }
        models.scan().settingsBeans().forEach((name, properties) -> register(beans, name, Map.copyOf(properties)));
        if (models.scan().journeyFactsUsed()) {
            register(beans, ModelScan.JOURNEY_FACTS_BEAN, new JourneyFactsStandIn());
        }
    }

    private static void register(ConfigurableListableBeanFactory beans, String name, Object standIn) {
        if (beans.containsBean(name)) {
            throw new IllegalStateException("The models name a bean " + name + " that the bare application already has");
        }
        beans.registerSingleton(name, standIn);
    }
}
