package org.resetflow.camunda;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A staff form's field error from a step that runs when the task is completed: Tasklist shows it next to the field,
 * {@code /engine-rest} answers 400, and the task stays open. Camunda has no public type for it.
 */
public final class FormFieldErrors {

    private FormFieldErrors() {
    }

    public static RuntimeException invalid(String field, String message) {
        return new FormFieldValidationException(field, message);
    }
}
