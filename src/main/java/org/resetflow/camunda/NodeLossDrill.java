package org.resetflow.camunda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * TEST ONLY, and off unless {@code resetflow.testing.drill-directory} is set (never in production; docs/configuration.md):
 * what lets the node-loss test ({@code NodeLossIT}) kill a node inside a job deterministically, through files in that
 * folder, which every node of the test shares.
 * <ul>
 * <li>A <b>hold point</b>: the file {@code <activityId>.<start|end>@<businessKey>.armed} (or {@code …@any.armed}, for
 * whichever journey comes first) makes the first node that
 * reaches that activity's start or end (inside the job that runs it, before the job commits) rename it to
 * {@code ….held-<pid>} and block that job until the process is killed (at most {@link #HOLD_LIMIT}, then the job
 * fails). Uses the internal parse listener API, to add the listener to every activity of every model.</li>
 * <li>A <b>pause</b>: while {@code pause-<pid>} exists, that node's job executor is shut down (acquiring nothing),
 * confirmed by {@code paused-<pid>}; removing the file starts it again. Uses the internal job executor API.</li>
 * </ul>
 * With the setting unset, no listener is added and no thread started.
 */
@Component
public class NodeLossDrill extends AbstractProcessEnginePlugin {

    static final Duration HOLD_LIMIT = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(NodeLossDrill.class);
    private static final long PID = ProcessHandle.current().pid();
    private static final String ANY = "any";

    private final Path directory;

    public NodeLossDrill(NodeLossDrillProperties settings) {
        this.directory = settings.drillDirectory();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (directory == null) {
            return;
        }
        log.warn("TEST DRILL: jobs may be held and the job executor paused through files in {}; never use this setting in production",
                directory);
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                addHoldPoints(processDefinition);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (directory == null) {
            return;
        }
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
        Thread pauses = new Thread(() -> followPauses(jobExecutor), "node-loss-drill");
        pauses.setDaemon(true);
        pauses.start();
    }

    private void addHoldPoints(ScopeImpl scope) {
        ExecutionListener hold = this::holdIfArmed;
        for (ActivityImpl activity : scope.getActivities()) {
            activity.addListener(ExecutionListener.EVENTNAME_START, hold);
            activity.addListener(ExecutionListener.EVENTNAME_END, hold);
            addHoldPoints(activity);
        }
    }

    private void holdIfArmed(DelegateExecution execution) throws InterruptedException {
        String activity = execution.getCurrentActivityId() + "." + execution.getEventName() + "@";
        for (String point : List.of(activity + execution.getProcessBusinessKey(), activity + ANY)) {
            Path armed = directory.resolve(point + ".armed");
            if (Files.exists(armed) && claim(armed, directory.resolve(point + ".held-" + PID))) {
                log.warn("TEST DRILL: holding the job at {} until this node is killed", point);
                if (!new CountDownLatch(1).await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("TEST DRILL: held at " + point + " for " + HOLD_LIMIT + " and not killed");
                }
                return;
            }
        }
    }

    /** Only one node wins the rename; the others go on. */
    private static boolean claim(Path armed, Path held) {
        try {
            Files.move(armed, held, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException | FileAlreadyExistsException takenByAnotherNode) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void followPauses(JobExecutor jobExecutor) {
        Path pause = directory.resolve("pause-" + PID);
        Path paused = directory.resolve("paused-" + PID);
        boolean pausedHere = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                boolean wanted = Files.exists(pause);
                if (wanted && !pausedHere && jobExecutor.isActive()) {
                    jobExecutor.shutdown();
                    pausedHere = true;
                    Files.writeString(paused, "paused");
                } else if (!wanted && pausedHere) {
                    jobExecutor.start();
                    pausedHere = false;
                    Files.deleteIfExists(paused);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.error("TEST DRILL: cannot follow the pause files in {}", directory, e);
        }
    }
}
