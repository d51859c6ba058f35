package org.resetflow.camunda;

/** A bean that hears every {@link JourneyEvent}, inside the engine's transaction, in the order the engine made them. */
public interface JourneyEventListener {

    void on(JourneyEvent event);
}
