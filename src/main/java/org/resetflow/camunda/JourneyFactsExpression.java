package org.resetflow.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@link JourneyFacts} for the models' expressions, as the bean {@code journeyFacts}: a call activity can name the
 * journey as the source of what it passes down ({@code camunda:in sourceExpression="${journeyFacts.of(execution,
 * 'username')}"}) when the calling process holds no copy of it, a gateway can route on a journey fact, and an event can
 * record what the journey reached ({@code ${journeyFacts.set(execution, 'outcome', 'LOCKED_OUT')}}), so that the model
 * still shows what a called process reads and writes, and where.
 */
@Component("journeyFacts")
public class JourneyFactsExpression {

    /** The fact, from the journey's own process instance. */
    public Object of(DelegateExecution execution, String name) {
        return JourneyFacts.get(execution, name);
    }

    /** Whether the journey's fact is {@code true}; false when it is not set. */
    public boolean isTrue(DelegateExecution execution, String name) {
        return JourneyFacts.isTrue(execution, name);
    }

    /** Records the fact on the journey's own process instance. */
    public void set(DelegateExecution execution, String name, Object value) {
        JourneyFacts.set(execution, name, value);
    }
}
