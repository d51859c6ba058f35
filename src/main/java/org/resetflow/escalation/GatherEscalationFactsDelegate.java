package org.resetflow.escalation;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.Vars;
import org.resetflow.throttling.ProofThrottle;
import org.resetflow.verification.VerificationVariables;
import org.springframework.stereotype.Component;

/**
 * "Gather the facts for the helpdesk": what the administrator needs to judge the escalation: why it came to the
 * helpdesk, in words (the task's name shows them too), the verification methods the user tried in this journey,
 * the account's failed proofs in the throttling window, how many journeys the account started in the last 24 hours
 * (this one included; the model names the journeys that count in the input parameter {@code recentJourneyKeys}),
 * and where to collect the temporary password.
 * The methods tried are in the journey's other called processes: the journey is found through {@link JourneyFacts}.
 */
@Component("gatherEscalationFactsDelegate")
class GatherEscalationFactsDelegate implements JavaDelegate {

    static final Duration RECENT = Duration.ofHours(24);
    static final String RECENT_JOURNEY_KEYS = "recentJourneyKeys";

    private final ProofThrottle throttle;
    private final EscalationReasons reasons;
    private final Clock clock;

    GatherEscalationFactsDelegate(ProofThrottle throttle, EscalationReasons reasons, Clock clock) {
        this.throttle = throttle;
        this.reasons = reasons;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(EligibilityVariables.ELIGIBILITY_REASON);
        execution.setVariable(EscalationVariables.ESCALATION_REASON, reasons.sentence(reason));
        HistoryService history = execution.getProcessEngineServices().getHistoryService();
        String journey = JourneyFacts.journeyId(execution);
        TreeSet<String> tried = new TreeSet<>();
        List<String> verifications = history.createHistoricProcessInstanceQuery().superProcessInstanceId(journey).list().stream()
                .map(HistoricProcessInstance::getId).toList();
        if (!verifications.isEmpty()) {
            history.createHistoricDetailQuery().variableUpdates().processInstanceIdIn(verifications.toArray(String[]::new)).list().stream()
                    .map(HistoricVariableUpdate.class::cast)
                    .filter(update -> VerificationVariables.CHOSEN_METHOD.equals(update.getVariableName()) && update.getValue() != null)
                    .forEach(update -> tried.add(update.getValue().toString()));
        }
        execution.setVariable(EscalationVariables.METHODS_TRIED, tried.isEmpty() ? "none" : String.join(", ", tried));
        Object accountKey = execution.getVariable(Vars.ACCOUNT_KEY);
        int failures = accountKey == null ? 0 : throttle.recentFailures(accountKey.toString());
        execution.setVariable(EscalationVariables.RECENT_FAILED_PROOFS, failures + " in the last " + readable(throttle.window()));
        // this journey is not in the history yet (same transaction): it counts as one
        String[] journeyKeys = ((String) execution.getVariable(RECENT_JOURNEY_KEYS)).split(",");
        long journeys = 1 + history.createHistoricProcessInstanceQuery().processDefinitionKeyIn(journeyKeys)
                .variableValueEquals(Vars.USERNAME, execution.getVariable(Vars.USERNAME))
                .startedAfter(Date.from(clock.instant().minus(RECENT))).list().stream()
                .filter(instance -> !instance.getId().equals(journey)).count();
        execution.setVariable(EscalationVariables.RECENT_JOURNEYS, journeys);
        execution.setVariable(EscalationVariables.HANDOVER_PATH, "/staff/escalations/" + execution.getProcessInstanceId());
    }

    static String readable(Duration window) {
        if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
            return window.toDays() == 1 ? "24 hours" : window.toDays() + " days";
        }
        if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
            return window.toHours() == 1 ? "hour" : window.toHours() + " hours";
        }
        return window.toMinutes() + " minutes";
    }
}
