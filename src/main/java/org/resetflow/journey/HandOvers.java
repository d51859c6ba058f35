package org.resetflow.journey;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The API's answers that waited on a cross-node hand-over: their wait for the journey's next step ended at a recheck
 * ({@code resetflow.engine.settle-recheck}), not at a signal from this node's engine, because another node's job
 * executor ran the step. Each costs the user up to one recheck interval. On one node the count stays near zero.
 * Micrometer counter {@value #METRIC} (docs/deployment.md).
 */
@Component
class HandOvers {

    static final String METRIC = "resetflow.journey.handover.waits";

    private final Counter waits;

    HandOvers(MeterRegistry registry) {
        this.waits = Counter.builder(METRIC)
                .description("API answers whose wait for the journey's next step ended at a recheck, not at this node's signal: "
                        + "the step was committed by another node")
                .register(registry);
    }

    void count() {
        waits.increment();
    }
}
