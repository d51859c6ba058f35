package org.resetflow.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How an API call waits for its journey to rest ({@code JourneyService}'s settle), apart from the engine: look; at
 * rest, done; otherwise, while the engine has runnable work and time is left, wait for this node's signal or at most
 * the recheck interval, and look again. An answer whose last wait ended without a signal found the step that another
 * node committed (a cross-node hand-over): it is counted, for the cluster's figures (docs/deployment.md).
 */
final class Settling {

    /** A wait for this node's engine to say that the journey moved; true when it said so. */
    interface Signal {
        boolean await(Duration timeout) throws InterruptedException;
    }

    private Settling() {
    }

    /**
     * @return the look that found the journey at rest; null when the engine had nothing runnable or the time was up
     */
    static <L> L until(Supplier<L> look, Predicate<L> atRest, BooleanSupplier runnable, Signal signal, Clock clock,
                       Duration timeout, Duration recheck, Runnable handedOver) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        boolean unsignalled = false;
        while (true) {
            L current = look.get();
            if (atRest.test(current)) {
                if (unsignalled) {
                    handedOver.run();
                }
                return current;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (!runnable.getAsBoolean() || left.isNegative() || left.isZero()) {
                return null;
            }
            unsignalled = !signal.await(left.compareTo(recheck) < 0 ? left : recheck);
        }
    }
}
