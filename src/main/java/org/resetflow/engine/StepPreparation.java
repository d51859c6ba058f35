package org.resetflow.engine;

import java.time.Duration;
import java.util.Map;

/**
 * Slow work a user's step needs before the engine completes it, done by the journey API outside the engine's
 * command and its database transaction (hashing security answers). A user task declares its preparation by bean
 * name, {@code camunda:property preparation=answerCheck}; the model stays the one place for the order of steps.
 * <p>
 * The journey API calls {@link #prepare} inside the command that checks the step's input (quick reads only), runs
 * the {@link Work} it returns with no transaction, then completes the task with the submitted values and the
 * work's values, all transient. The work's values go under names no form has, so a client of the API cannot send
 * them; the features stamp them with the server's keyed hash, so that nobody else can make them either (a staff
 * member through the engine's REST API), and the step that reads them refuses anything else.
 */
public interface StepPreparation {

    /** The declaring property on a user task, naming a {@code StepPreparation} bean. */
    String PROPERTY = "preparation";

    /** Inside the engine command that checked the input: reads what the work needs, quickly. */
    Work prepare(Step step);

    /** What a preparation may read of the step. */
    interface Step {

        /** A value the user submitted for the step, as checked against its form; null when not given. */
        Object input(String key);

        /** A variable the task sees (its own, its process instance's). */
        Object variable(String name);

        /** A fact of the journey's own process instance (the account, the decoy flag). */
        Object journeyFact(String name);

        /** The process instance the task belongs to, which the work's values can be bound to. */
        String processInstanceId();
    }

    /** The slow part, run with no transaction and no connection held. */
    interface Work {

        /**
         * @return the values to complete the task with besides the submitted ones, passed as transient variables
         * @throws Busy when the work cannot be done now; nothing was done, the step may be sent again
         */
        Map<String, String> run();

        /** After the task was completed with the values {@link #run} returned, outside its transaction. */
        default void completed() {
        }
    }

    /** The work cannot be done now (too much of it waits): the step was not taken and may be sent again after a while. */
    final class Busy extends RuntimeException {

        private final Duration retryAfter;

        public Busy(Duration retryAfter, Throwable cause) {
            super("The step cannot be prepared now; try again in " + retryAfter.toSeconds() + " s", cause, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
