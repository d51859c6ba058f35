package org.resetflow.escalation;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /staff/escalations/{processInstanceId}}: the page the escalation form in Tasklist links to. It says whether a
 * temporary password waits; a button (a POST with a CSRF token) shows it, once, to the approving administrator.
 */
@Controller
class HandoverPage {

    private final EscalationHandovers handovers;

    HandoverPage(EscalationHandovers handovers) {
        this.handovers = handovers;
    }

    @GetMapping("/staff/escalations/{processInstanceId}")
    String show(@PathVariable String processInstanceId, Authentication staff, Model model) {
        EscalationHandovers.Escalation escalation = handovers.find(processInstanceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("escalation", escalation);
        model.addAttribute("mine", TemporaryPasswordHandover.isAdministrator(staff) || staff.getName().equals(escalation.decidedBy()));
        return "staff/handover";
    }

    @PostMapping("/staff/escalations/{processInstanceId}")
    String collect(@PathVariable String processInstanceId, Authentication staff, Model model) {
        EscalationHandovers.Outcome outcome = handovers.collect(processInstanceId, staff.getName(),
                TemporaryPasswordHandover.isAdministrator(staff));
        if (outcome.refusal() == EscalationHandovers.Refusal.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("escalation", outcome.escalation());
        model.addAttribute("mine", outcome.refusal() != EscalationHandovers.Refusal.NOT_YOURS);
        model.addAttribute("temporaryPassword", outcome.temporaryPassword());
        model.addAttribute("refusal", outcome.refusal() == null ? null : outcome.refusal().name());
        return "staff/handover";
    }
}
