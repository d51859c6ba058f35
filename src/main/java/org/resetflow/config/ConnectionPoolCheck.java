package org.resetflow.config;

import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the database connections could all be held by jobs that each wait for one more. A job runs
 * in a transaction that holds one connection, and records what it did outside the database in a transaction of its
 * own, on a second connection, so that a retry of the job finds it (the messages sent, a directory write attempted,
 * a "not me" link). When every connection is held by such a job, each waits for a connection none will give back,
 * and the node stalls for the pool's connection timeout, its API answering 503. The job executor runs at most
 * {@code camunda.bpm.job-execution.max-pool-size} jobs at once, and the API's requests never wait for a second
 * connection while they hold one; a pool larger than the job executor is enough.
 */
@Component
class ConnectionPoolCheck {

    static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
    static final String JOB_THREADS = "camunda.bpm.job-execution.max-pool-size";
    /** Hikari's and Camunda's Spring Boot starter's defaults. */
    static final int HIKARI_DEFAULT = 10;
    static final int CAMUNDA_DEFAULT = 10;

    ConnectionPoolCheck(Environment environment) {
        problem(setting(environment, POOL_SIZE, HIKARI_DEFAULT), setting(environment, JOB_THREADS, CAMUNDA_DEFAULT)).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    static Optional<String> problem(int poolSize, int jobThreads) {
        if (poolSize > jobThreads) {
            return Optional.empty();
        }
        return Optional.of(POOL_SIZE + " (" + poolSize + ") must be larger than " + JOB_THREADS + " (" + jobThreads + "): a job holds a "
                + "database connection and takes a second one for what it records apart (messages sent, directory writes attempted), "
                + "so with every connection held by jobs the node stalls. Raise the pool (ResetFlow's default is 20; "
                + "RESETFLOW_DB_POOL_SIZE in the postgres profile) or lower the job executor's threads (docs/deployment.md)");
    }

    private static int setting(Environment environment, String name, int fallback) {
        String value = environment.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalStateException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
