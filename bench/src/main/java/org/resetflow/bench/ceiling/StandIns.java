package org.resetflow.bench.ceiling;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Reads ResetFlow's models from the jar under measurement ({@code bench.ceiling.models}) before any bean is made,
 * fails the start-up when they name something the ceiling cannot stand in for, and registers the stand-ins: one
 * no-op under every bean name the models delegate to, and a map of stand-in values under every bean name whose
 * properties the models read. The stand-ins are no candidates for autowiring: only the models' expressions see them.
 */
final class StandIns implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(StandIns.class);
    static final String MODELS_PROPERTY = "bench.ceiling.models";

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

    /** The models and what they ask for, for the ceiling run. */
    record Models(ProductModels resources, ModelScan scan) {

        /** Process key to the facts its model reads and the ceiling supplies. */
        Map<String, Map<String, JourneyFacts.Fact>> factsByProcess() {
            Map<String, Map<String, JourneyFacts.Fact>> byProcess = new LinkedHashMap<>();
            scan.readsByProcess().forEach((process, reads) -> {
                Map<String, JourneyFacts.Fact> facts = new LinkedHashMap<>();
                reads.stream().filter(JourneyFacts.FACTS::containsKey).forEach(name -> facts.put(name, JourneyFacts.FACTS.get(name)));
                byProcess.put(process, Map.copyOf(facts));
            });
            return byProcess;
        }
    }

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** Reads and checks the models; fails, naming everything it cannot stand in for. */
    static Models read(Path source) {
        ProductModels resources = ProductModels.read(source);
        ModelScan scan = ModelScan.of(resources, Set.copyOf(JourneyFacts.FACTS.keySet())).check();
        return new Models(resources, scan);
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Path source = Path.of(environment.getRequiredProperty(MODELS_PROPERTY));
        Models models = read(source);
        NoOp noOp = new NoOp();
        for (String name : models.scan().delegateBeans()) {
            register(registry, name, NoOp.class, noOp, false);
        }
        models.scan().settingsBeans().forEach((name, properties) -> register(registry, name, Map.class, Map.copyOf(properties), false));
        register(registry, "ceilingModels", Models.class, models, true);
        log.info("The ceiling runs the models of {}: {}; facts by process: {}", source, models.scan().summary(), models.factsByProcess());
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type, Object instance, boolean autowired) {
        if (registry.containsBeanDefinition(name)) {
            throw new IllegalStateException("The models name a bean " + name + " that the bare application already has");
        }
        GenericBeanDefinition definition = new GenericBeanDefinition();
        definition.setBeanClass(type);
        definition.setInstanceSupplier(() -> (T) instance);
        definition.setAutowireCandidate(autowired);
        registry.registerBeanDefinition(name, definition);
    }
}
