package org.resetflow.bench.ceiling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.resetflow.bench.Load;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The ceiling: the model of {@link CeilingModel} driven in-process through {@code RuntimeService} and
 * {@code TaskService} by the same number of threads, with the same warm-up and measuring time as the journey
 * load, on the same kind of database. Starts once the application is ready (after the start-up was timed),
 * writes its figures to {@code bench.ceiling.output} and stops the application.
 */
@Configuration
@ConditionalOnProperty("bench.ceiling.output")
class CeilingRun {

    private static final Logger log = LoggerFactory.getLogger(CeilingRun.class);
    private static final String[] STEPS = {"start", "chooseMethod", "enterCode", "setPassword"};

    private final JourneyEvents events = new JourneyEvents();

    @Bean
    JourneyEvents journeyEvents() {
        return events;
    }

    @Bean
    JavaDelegate noop() {
        return execution -> { };
    }

    @EventListener(ApplicationReadyEvent.class)
    void run(ApplicationReadyEvent ready) {
        ConfigurableApplicationContext context = ready.getApplicationContext();
        var environment = context.getEnvironment();
        Path output = Path.of(environment.getRequiredProperty("bench.ceiling.output"));
        Load.Plan plan = Load.Plan.parse(environment.getRequiredProperty("bench.ceiling.plan"));
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        Thread runner = new Thread(() -> {
            int status = 0;
            try {
                engine.getRepositoryService().createDeployment().name("ceiling")
                        .addString("ceiling-reset.bpmn", CeilingModel.reset())
                        .addString("ceiling-identity.bpmn", CeilingModel.identity())
                        .addString("ceiling-code.bpmn", CeilingModel.code())
                        .deploy();
                Map<Integer, Load.Result> results = new Load(plan, Load::ownCpuNanos, STEPS).run(user -> journey(engine, user));
                Map<String, Object> json = new LinkedHashMap<>();
                results.forEach((threads, result) -> json.put(String.valueOf(threads), result.toJson()));
                Files.createDirectories(output.toAbsolutePath().getParent());
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(output.toFile(), json);
            } catch (RuntimeException | IOException e) {
                log.error("The ceiling run failed", e);
                status = 1;
            }
            int exit = status;
            System.exit(SpringApplication.exit(context, () -> exit));
        }, "ceiling");
        runner.start();
    }

    /** One journey of the email shape; each step waits, as the API does, until the journey rests again. */
    private void journey(ProcessEngine engine, Load.Journey journey) throws Exception {
        String businessKey = UUID.randomUUID().toString();
        BlockingQueue<String> next = events.listen(businessKey);
        try {
            final String[] task = new String[1];
            journey.step("start", () -> {
                engine.getRuntimeService().startProcessInstanceByKey(CeilingModel.ROOT, businessKey, Variables.createVariables()
                        .putValue("username", journey.user())
                        .putValue("clientAddress", "127.0.0.1")
                        .putValue("locale", "en")
                        .putValue("journey", "reset")
                        .putValue("requestedAt", Instant.now().toString())
                        .putValue("node", "ceiling"));
                task[0] = await(next);
            });
            for (String step : List.of("chooseMethod", "enterCode", "setPassword")) {
                if (JourneyEvents.ENDED.equals(task[0])) {
                    throw new IllegalStateException("the journey ended before " + step);
                }
                String current = task[0];
                journey.step(step, () -> {
                    engine.getTaskService().complete(current, Variables.createVariables()
                            .putValueTyped("input", Variables.stringValue(step, true)));
                    task[0] = await(next);
                });
            }
            if (!JourneyEvents.ENDED.equals(task[0])) {
                throw new IllegalStateException("the journey did not end after setPassword");
            }
        } finally {
            events.forget(businessKey);
        }
    }

    private static String await(BlockingQueue<String> next) throws InterruptedException {
        String event = next.poll(10, TimeUnit.SECONDS);
        if (event == null) {
            throw new IllegalStateException("the journey did not rest within 10 s");
        }
        return event;
    }
}
