package org.resetflow.bench.ceiling;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.resetflow.bench.Load;
import org.resetflow.bench.PostgresCpu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ceiling: ResetFlow's own models (BPMN, DMN and forms, read from the jar under measurement), with no-op
 * stand-ins for its beans ({@link StandIns}) and {@link JourneyFacts} for what its Java would have set, driven
 * in-process through {@code RuntimeService} and {@code TaskService} by the same number of threads, with the same
 * warm-up and measuring time as the journey load, on the same kind of database. Each journey starts the entry
 * process and completes whatever user's step it waits at, by the step's form, until its outcome is decided.
 *
 * <p>Once the application is ready (after the start-up was timed) it deploys the models, then measures the windows
 * the driver asks for ({@code POST /ceiling/windows?plan=...}, answered with their figures when they are over), so
 * that the driver can interleave the ceiling's windows with ResetFlow's: both processes run all along, and each
 * side measures while the other rests. The driver stops the application when it is done.
 */
@Configuration
@ConditionalOnProperty(CeilingRun.MODELS_PROPERTY)
class CeilingRun {

    private static final Logger log = LoggerFactory.getLogger(CeilingRun.class);
    /** More user's steps than any journey of the measured shape has: a journey that loops is an error, not a hang. */
    private static final int MAX_STEPS = 20;
    /** The ResetFlow jar under measurement (or a repository's top level), whose models the ceiling runs. */
    static final String MODELS_PROPERTY = "bench.ceiling.models";

    private final JourneyEvents events = new JourneyEvents();
    private final CompletableFuture<ProcessEngine> deployed = new CompletableFuture<>();
    private volatile StandIns.Models models;
    private volatile LongSupplier databaseCpu = () -> -1;

    @Bean
    JourneyEvents journeyEvents() {
        return events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void deploy(ApplicationReadyEvent ready) {
        ConfigurableApplicationContext context = ready.getApplicationContext();
        var environment = context.getEnvironment();
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:")) {
            databaseCpu = new PostgresCpu(url, environment.getProperty("spring.datasource.username", ""),
                    environment.getProperty("spring.datasource.password", ""));
        }
        Thread deployer = new Thread(() -> {
            try {
                Path source = Path.of(environment.getRequiredProperty(MODELS_PROPERTY));
                models = StandIns.read(source);
                StandIns.register(context.getBeanFactory(), models);
                events.useFacts(models.factsByProcess());
                log.info("The ceiling runs the models of {}: {}; facts by process: {}", source, models.scan().summary(), models.factsByProcess());
                DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("ceiling");
                models.resources().resources().forEach((name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
                deployment.deploy();
                deployed.complete(engine);
            } catch (RuntimeException e) {
                log.error("The ceiling's models could not be deployed", e);
                deployed.completeExceptionally(e);
            }
        }, "ceiling-deployment");
        deployer.start();
    }

    /** Measures the plan's windows (its warm-up first, if any), one after another; their figures by N. */
    synchronized Map<String, Object> windows(Load.Plan plan) throws Exception {
        ProcessEngine engine = deployed.get(3, TimeUnit.MINUTES);
        Map<Integer, Load.Result> results = new Load(plan, Load::ownCpuNanos, databaseCpu, "start").run(user -> journey(engine, user));
        Map<String, Object> json = new LinkedHashMap<>();
        results.forEach((threads, result) -> json.put(String.valueOf(threads), result.toJson()));
        return json;
    }

    @RestController
    @ConditionalOnProperty(CeilingRun.MODELS_PROPERTY)
    static class Windows {

        private final CeilingRun ceiling;

        Windows(CeilingRun ceiling) {
            this.ceiling = ceiling;
        }

        @PostMapping("/ceiling/windows")
        Map<String, Object> measure(@RequestParam String plan) throws Exception {
            return ceiling.windows(Load.Plan.parse(plan));
        }
    }

    /**
     * One journey: started as the API starts it, then each user's step (named by its task key) completed with the
     * values its form asks for; each step waits, as the API does, until the journey rests again.
     */
    private void journey(ProcessEngine engine, Load.Journey journey) throws Exception {
        String businessKey = UUID.randomUUID().toString();
        BlockingQueue<JourneyEvents.Rest> next = events.listen(businessKey);
        try {
            JourneyEvents.Rest[] rest = new JourneyEvents.Rest[1];
            journey.step("start", () -> {
                engine.getRuntimeService().startProcessInstanceByKey(JourneyFacts.ENTRY_PROCESS, businessKey,
                        JourneyFacts.request(journey.user()));
                rest[0] = await(next);
            });
            Map<String, Object> typed = JourneyFacts.formValues(journey.user());
            for (int steps = 0; !rest[0].ended(); steps++) {
                if (steps == MAX_STEPS) {
                    throw new IllegalStateException("the journey was still at " + rest[0].taskKey() + " after " + MAX_STEPS + " steps");
                }
                JourneyEvents.Rest at = rest[0];
                VariableMap values = formValues(at, typed);
                journey.step(at.taskKey(), () -> {
                    engine.getTaskService().complete(at.taskId(), values);
                    rest[0] = await(next);
                });
            }
            if (!JourneyFacts.COMPLETED.equals(rest[0].outcome())) {
                throw new IllegalStateException("the journey ended with outcome " + rest[0].outcome() + ", not " + JourneyFacts.COMPLETED);
            }
        } finally {
            events.forget(businessKey);
        }
    }

    /** The step's form filled in, every value transient as the API passes them. */
    private VariableMap formValues(JourneyEvents.Rest at, Map<String, Object> typed) {
        VariableMap values = Variables.createVariables();
        if (at.formRef() == null) {
            return values;
        }
        List<ModelScan.Field> fields = models.scan().forms().get(at.formRef());
        if (fields == null) {
            throw new IllegalStateException("the step " + at.taskKey() + " shows the form " + at.formRef() + ", which is not deployed");
        }
        for (ModelScan.Field field : fields) {
            Object value = typed.get(field.key());
            if (value != null) {
                values.putValueTyped(field.key(), Variables.untypedValue(value, true));
            } else if (field.required()) {
                throw new IllegalStateException("the step " + at.taskKey() + " requires " + field.key()
                        + ", for which JourneyFacts.formValues has no value");
            }
        }
        return values;
    }

    private static JourneyEvents.Rest await(BlockingQueue<JourneyEvents.Rest> next) throws InterruptedException {
        JourneyEvents.Rest rest = next.poll(10, TimeUnit.SECONDS);
        if (rest == null) {
            throw new IllegalStateException("the journey did not rest within 10 s");
        }
        return rest;
    }
}
