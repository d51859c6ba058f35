package org.resetflow.notme;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyLookups;
import org.resetflow.engine.Vars;
import org.resetflow.verification.VerificationVariables;
import org.springframework.stereotype.Component;

/**
 * "Gather the journey's facts": what the helpdesk needs to judge the reported journey, from its history (it has
 * ended, or waits only for its notices): the kind of journey, when and from where it was requested, the methods
 * its user proved (none when the helpdesk set a temporary password) and the node that started it.
 */
@Component("gatherReportedJourneyFactsDelegate")
class GatherReportedJourneyFactsDelegate implements JavaDelegate {

    static final String UNKNOWN = "unknown";
    private static final String[] FACTS = {Vars.JOURNEY, Vars.REQUESTED_AT, Vars.CLIENT_ADDRESS, VerificationVariables.VERIFIED_METHODS, Vars.NODE};

    private final JourneyLookups lookups;

    GatherReportedJourneyFactsDelegate(JourneyLookups lookups) {
        this.lookups = lookups;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> facts = lookups.facts((String) execution.getVariable(NotMeVariables.REPORTED_JOURNEY), FACTS);
        for (String fact : FACTS) {
            Object value = facts.get(fact);
            String missing = VerificationVariables.VERIFIED_METHODS.equals(fact) ? "none" : UNKNOWN;
            execution.setVariable(fact, value == null || value.toString().isBlank() ? missing : value.toString());
        }
    }
}
