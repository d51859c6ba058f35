package org.resetflow.journey;

import java.time.Clock;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.resetflow.engine.Vars;
import org.resetflow.notme.NotMeLinks;
import org.resetflow.notme.NotMeVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "this was not me" links of the notices, as the portal and the public API follow them. Looking at a link
 * changes nothing (mail scanners open links); reporting uses the link up and starts the report's model, which blocks
 * self-service for the account, in one transaction: when the answer comes, the account is blocked. What follows is
 * the model's ({@code processes/not-me-report.bpmn}). A link that cannot be used, for whatever reason, answers the same.
 */
@Service
public class NotMeReports {

    private static final Logger log = LoggerFactory.getLogger(NotMeReports.class);

    private final NotMeLinks links;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NotMeReports(NotMeLinks links, RuntimeService runtime, TransactionTemplate transaction, Clock clock) {
        this.links = links;
        this.runtime = runtime;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether the link can still be followed; changes nothing. */
    public boolean canReport(String token) {
        return links.usable(token);
    }

    /** Reports the link's journey as not the user's, from this client address; false when the link cannot be used. */
    public boolean report(String token, String clientAddress) {
        Optional<String> reported = transaction.execute(status -> links.use(token).map(used -> {
            NotMeLinks.Binding journey = used.binding();
            runtime.startProcessInstanceByMessage(NotMeVariables.START_MESSAGE, journey.flowId(), Variables.createVariables()
                    .putValue(Vars.USERNAME, journey.username())
                    .putValue(Vars.ACCOUNT_KEY, journey.accountKey())
                    .putValue(NotMeVariables.REPORTED_JOURNEY, journey.journeyId())
                    .putValue(NotMeVariables.REPORTED_NOTICE, journey.notice())
                    .putValue(NotMeVariables.NOTICE_SENT_AT, used.issuedAt().toString())
                    .putValue(NotMeVariables.REPORTED_AT, clock.instant().toString())
                    .putValue(NotMeVariables.REPORTED_FROM, clientAddress));
            return journey.flowId();
        }));
        reported.ifPresent(flowId -> log.info("Journey {} was reported as not the user's: self-service is blocked for the account until the helpdesk lifts it", flowId));
        return reported.isPresent();
    }
}
