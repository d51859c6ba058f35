package org.resetflow.escalation;

import java.security.Principal;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /staff/api/escalations/{processInstanceId}/temporary-password}: a helpdesk administrator collects
 * the temporary password of an approved escalation, exactly once, to hand it to the user out of band.
 */
@RestController
class TemporaryPasswordHandover {

    private static final Logger log = LoggerFactory.getLogger(TemporaryPasswordHandover.class);

    private final TemporaryPasswords temporaryPasswords;
    private final HistoryService history;

    TemporaryPasswordHandover(TemporaryPasswords temporaryPasswords, HistoryService history) {
        this.temporaryPasswords = temporaryPasswords;
        this.history = history;
    }

    @PostMapping("/staff/api/escalations/{processInstanceId}/temporary-password")
    ResponseEntity<?> handOver(@PathVariable String processInstanceId, Principal staff) {
        HistoricProcessInstance instance = processInstanceId.length() > 64 ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return temporaryPasswords.handOver(processInstanceId)
                .filter(password -> instance != null)
                .<ResponseEntity<?>>map(password -> {
                    log.info("Temporary password of journey {} ({}) handed over to {}", instance.getBusinessKey(), processInstanceId, staff.getName());
                    return ResponseEntity.ok(Map.of("processInstanceId", processInstanceId, "temporaryPassword", password,
                            "mustChangeAtNextSignIn", true));
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "No temporary password is waiting for this escalation: it was collected already, it expired after a day, or there is none.")));
    }
}
