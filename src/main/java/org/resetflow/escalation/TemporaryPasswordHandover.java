package org.resetflow.escalation;

import java.util.Map;
import org.resetflow.staff.StaffAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /staff/api/escalations/{processInstanceId}/temporary-password}: the administrator who approved an
 * escalation collects its temporary password, exactly once, to hand it to the user out of band.
 */
@RestController
class TemporaryPasswordHandover {

    private final EscalationHandovers handovers;

    TemporaryPasswordHandover(EscalationHandovers handovers) {
        this.handovers = handovers;
    }

    @PostMapping("/staff/api/escalations/{processInstanceId}/temporary-password")
    ResponseEntity<?> handOver(@PathVariable String processInstanceId, Authentication staff) {
        EscalationHandovers.Outcome outcome = handovers.collect(processInstanceId, staff.getName(), isAdministrator(staff));
        if (outcome.refusal() == null) {
            return ResponseEntity.ok(Map.of("processInstanceId", processInstanceId, "username", outcome.escalation().username(),
                    "temporaryPassword", outcome.temporaryPassword(), "mustChangeAtNextSignIn", true));
        }
        return switch (outcome.refusal()) {
            case NOT_YOURS -> problem(HttpStatus.FORBIDDEN, "Only the administrator who approved this escalation may collect its temporary password.");
            case NOT_FOUND, NOTHING_WAITING -> problem(HttpStatus.NOT_FOUND,
                    "No temporary password is waiting for this escalation: it was collected already, it expired after a day, or there is none.");
        };
    }

    static boolean isAdministrator(Authentication staff) {
        return staff.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(StaffAuthentication.ADMINISTRATOR));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
