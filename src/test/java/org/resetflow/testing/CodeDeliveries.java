package org.resetflow.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;

/**
 * A code is delivered in a process instance of its own, after the answer to the step that asked for it: a test that
 * reads the code from the outbox waits until every delivery under way has ended, as a user waits for the message.
 */
public final class CodeDeliveries {

    private CodeDeliveries() {
    }

    public static void awaitAllEnded(HistoryService history) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                history.createHistoricProcessInstanceQuery().processDefinitionKey("codeDelivery").unfinished().count() == 0);
    }
}
