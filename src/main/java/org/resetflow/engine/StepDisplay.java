package org.resetflow.engine;

import java.util.Map;

/**
 * What a user's step shows but no process variable may hold: made when the step is read, never stored (the QR code of
 * a new authenticator app's secret). A user task declares its display by bean name,
 * {@code camunda:property display=authenticatorAppEnrolment}; the journey API adds the values to the task's variables
 * for its form only (FEEL in the form: {@code "source": "=authenticatorAppQr"}).
 */
public interface StepDisplay {

    /** The declaring property on a user task, naming a {@code StepDisplay} bean. */
    String PROPERTY = "display";

    /**
     * @param processInstanceId the process instance the task belongs to
     * @param variables         the task's variables
     * @return the values to show, by the names the step's form uses
     */
    Map<String, Object> values(String processInstanceId, Map<String, Object> variables);
}
