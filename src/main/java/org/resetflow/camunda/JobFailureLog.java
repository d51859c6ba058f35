package org.resetflow.camunda;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.resetflow.shared.DatabaseUnavailable;
import org.resetflow.shared.ServerUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One log line per failed job. The engine logs a failing job twice, each time with its stack trace: once as the
 * command fails (ENGINE-16004, at ERROR) and once as the job executor records the failure (ENGINE-14006). A
 * directory or a provider that is away for ten minutes then fills the log with traces of a condition the retries are
 * made for. Here the command's own log is off (an API call's failure reaches the caller, who answers and logs it), and
 * a job's failure is one WARN line: without the stack trace when a server ResetFlow relies on is away
 * ({@link ServerUnavailable}, whose message says what failed where), when the database is
 * ({@link DatabaseUnavailable}: restarting, failing over), or when another transaction changed the same rows
 * first (an {@link OptimisticLockingException}, which the engine's own job log also reports in one line), with it for
 * anything else.
 */
@Component
class JobFailureLog extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobFailureLog.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableCmdExceptionLogging(false);
        ExecuteJobHelper.LOGGING_HANDLER = JobFailureLog::jobFailed;
    }

    static void jobFailed(String jobId, Throwable failure) {
        if (DatabaseUnavailable.causedBy(failure)) {
            log.warn("Job {} failed; the engine retries it while it has retries left: {}", jobId, DatabaseUnavailable.describe(failure));
            return;
        }
        Throwable expected = expectedCause(failure);
        if (expected != null) {
            log.warn("Job {} failed; the engine retries it while it has retries left: {}", jobId, expected.getMessage());
        } else {
            log.warn("Job {} failed; the engine retries it while it has retries left", jobId, failure);
        }
    }

    /** What the retries are made for, and says itself what happened: a server away, or a concurrent change. */
    private static Throwable expectedCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ServerUnavailable || cause instanceof OptimisticLockingException) {
                return cause;
            }
        }
        return null;
    }
}
