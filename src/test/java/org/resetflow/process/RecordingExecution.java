package org.resetflow.process;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * An execution outside any engine that records which variables a step reads, sets and removes. It is its own
 * journey (no called process), so what a step reads through {@code JourneyFacts} is recorded here too. An
 * {@code ExecutionEntity} because {@code JourneyFacts} needs one; whatever else a step asks of it fails loudly.
 */
final class RecordingExecution extends ExecutionEntity {

    private static final FlowElement THROW_EVENT = Bpmn.createExecutableProcess("recorded").startEvent()
            .intermediateThrowEvent("throwEvent").message("recordedMessage").endEvent().done().getModelElementById("throwEvent");

    private final Map<String, Object> variables = new HashMap<>();
    private final Supplier<ProcessEngineServices> services;
    private final Set<String> read = new LinkedHashSet<>();
    private final Set<String> written = new LinkedHashSet<>();
    private final Set<String> incidents = new LinkedHashSet<>();

    /** The engine's services are made only for the few steps that query the engine. */
    RecordingExecution(Map<String, Object> given, Supplier<ProcessEngineServices> services) {
        this.variables.putAll(given);
        this.services = services;
    }

    /** The names of the variables read, in the order of the first read. */
    Set<String> read() {
        return read;
    }

    /** The names of the variables set or removed. */
    Set<String> written() {
        return written;
    }

    Set<String> incidents() {
        return incidents;
    }

    Object value(String name) {
        return variables.get(name);
    }

    @Override
    public Object getVariable(String name) {
        read.add(name);
        return variables.get(name);
    }

    @Override
    public Object getVariableLocal(String name) {
        return getVariable(name);
    }

    @Override
    public boolean hasVariable(String name) {
        read.add(name);
        return variables.containsKey(name);
    }

    @Override
    public void setVariable(String name, Object value) {
        written.add(name);
        variables.put(name, value);
    }

    @Override
    public void setVariableLocal(String name, Object value) {
        setVariable(name, value);
    }

    @Override
    public void removeVariable(String name) {
        written.add(name);
        variables.remove(name);
    }

    @Override
    public String getId() {
        return "journey-1";
    }

    @Override
    public String getProcessInstanceId() {
        return getId();
    }

    @Override
    public String getRootProcessInstanceId() {
        return getId();
    }

    @Override
    public ExecutionEntity getProcessInstance() {
        return this;
    }

    @Override
    public String getProcessBusinessKey() {
        return "flow-1";
    }

    @Override
    public ProcessEngineServices getProcessEngineServices() {
        return services.get();
    }

    /** Every step runs as if at a throw event of a message, for the steps that send the message the model names. */
    @Override
    public FlowElement getBpmnModelElementInstance() {
        return THROW_EVENT;
    }

    @Override
    public Incident createIncident(String incidentType, String configuration, String message) {
        incidents.add(incidentType);
        return null;
    }
}
