package org.resetflow.journey;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * FEEL in Camunda Forms ({@code "label": "=question1"}, {@code "hide": "=questionCount < 2"}), evaluated with
 * the same FEEL engine the process engine uses for decisions.
 */
@Component
class FormExpressions {

    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

    static boolean isExpression(String value) {
        return value != null && value.startsWith("=");
    }

    /** The value of the expression, or empty when it cannot be evaluated with these variables. */
    Optional<Object> evaluate(String expression, Map<String, Object> variables) {
        try {
            return Optional.ofNullable(feel.evaluateSimpleExpression(expression.substring(1),
                    Variables.fromMap(variables).asVariableContext()));
        } catch (RuntimeException notEvaluable) {
            return Optional.empty();
        }
    }
}
