package org.resetflow.escalation;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.resetflow.engine.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The handover of a temporary password: only the administrator who approved the escalation (or a ResetFlow
 * administrator) may collect it, once, within a day. Every handover is logged with who collected it.
 */
@Component
class EscalationHandovers {

    private static final Logger log = LoggerFactory.getLogger(EscalationHandovers.class);

    /** An approved escalation as the handover sees it. */
    record Escalation(String processInstanceId, String flowId, String username, String decidedBy, boolean waiting) {
    }

    /** Why a handover did not happen. */
    enum Refusal { NOT_FOUND, NOT_YOURS, NOTHING_WAITING }

    /** The outcome of a request to collect. */
    record Outcome(Escalation escalation, String temporaryPassword, Refusal refusal) {
    }

    private final TemporaryPasswords temporaryPasswords;
    private final HistoryService history;

    EscalationHandovers(TemporaryPasswords temporaryPasswords, HistoryService history) {
        this.temporaryPasswords = temporaryPasswords;
        this.history = history;
    }

    Optional<Escalation> find(String processInstanceId) {
        if (processInstanceId == null || processInstanceId.length() > 64) {
            return Optional.empty();
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        // the escalation's own instance decided; the journey (its root) holds the username
        String journey = instance.getRootProcessInstanceId() != null ? instance.getRootProcessInstanceId() : processInstanceId;
        return Optional.of(new Escalation(processInstanceId, instance.getBusinessKey(), variable(journey, Vars.USERNAME),
                variable(processInstanceId, EscalationVariables.DECIDED_BY), temporaryPasswords.isWaiting(processInstanceId)));
    }

    /** Collects the temporary password for {@code staff}: the approver, or an administrator. */
    Outcome collect(String processInstanceId, String staff, boolean administrator) {
        Optional<Escalation> found = find(processInstanceId);
        if (found.isEmpty()) {
            return new Outcome(null, null, Refusal.NOT_FOUND);
        }
        Escalation escalation = found.get();
        if (!administrator && !staff.equals(escalation.decidedBy())) {
            log.warn("{} asked for the temporary password of journey {}, approved by {}: refused", staff, escalation.flowId(), escalation.decidedBy());
            return new Outcome(escalation, null, Refusal.NOT_YOURS);
        }
        Optional<String> password = temporaryPasswords.handOver(processInstanceId);
        if (password.isEmpty()) {
            return new Outcome(escalation, null, Refusal.NOTHING_WAITING);
        }
        log.info("Temporary password of journey {} ({}) handed over to {}", escalation.flowId(), escalation.username(), staff);
        return new Outcome(escalation, password.get(), null);
    }

    private String variable(String processInstanceId, String name) {
        HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).disableCustomObjectDeserialization().singleResult();
        return variable == null || variable.getValue() == null ? null : variable.getValue().toString();
    }
}
