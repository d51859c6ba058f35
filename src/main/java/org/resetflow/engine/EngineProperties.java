package org.resetflow.engine;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code resetflow.engine.*}.
 *
 * @param directoryRetryCycle retries of a failed directory write, as a Camunda retry cycle with backoff
 *                            (PT10S,PT30S,PT1M,PT5M,PT15M); when they are spent the job becomes an incident
 * @param settleTimeout       how long an API call waits for the journey to reach its next step (10s); when the
 *                            engine is still busy (a retry), the answer says the request is pending
 * @param settleRecheck       while it waits, how often an API call looks at the journey without being told that it
 *                            moved (250ms): this node's engine tells it, but not another node's, which may run the
 *                            journey's jobs in a cluster
 * @param sealedPasswordLifetime how long a new password waits, encrypted, for the directories to accept it (3d)
 * @param flowRetention       how long the API remembers a flow id and its token hash (180d, the models' history
 *                            time to live); older flows answer "not found"
 * @param variableChangeHistory the variables whose every change full history records as a detail
 *                            (chosenMethod, verifiedMethods, provenGates, outcome); {@code *} records every
 *                            variable's changes
 * @param runtimeOnlyVariables the journeys' bookkeeping, kept while a journey runs and never in the history: step
 *                            numbers, form options, pending messages, the one-time code's keyed hash and issue time,
 *                            the account check's routing result and what the models declare to their steps
 *                            (see {@code camunda.VariableHistory}); empty keeps them all
 * @param calledProcessCopiesInHistory whether a called process's history keeps the copies of its caller's variables
 *                            that its call activity passes down (false: the caller's history holds them)
 */
@ConfigurationProperties("resetflow.engine")
public record EngineProperties(
        @DefaultValue("PT10S,PT30S,PT1M,PT5M,PT15M") String directoryRetryCycle,
        @DefaultValue("10s") Duration settleTimeout,
        @DefaultValue("250ms") Duration settleRecheck,
        @DefaultValue("3d") Duration sealedPasswordLifetime,
        @DefaultValue("180d") Duration flowRetention,
        @DefaultValue({"chosenMethod", "verifiedMethods", "provenGates", "outcome"}) List<String> variableChangeHistory,
        @DefaultValue({"stepIndex", "stepTotal", "codeStepIndex", "fieldErrors", "notice", "pendingFieldErrors", "pendingNotice",
                "methodOptions", "questionOptions", "contactMatched", "gate", "codeHash", "codeIssuedAt",
                "accountCheckResult", "noticeTemplate", "followUpTask", "recentJourneyKeys"}) List<String> runtimeOnlyVariables,
        @DefaultValue("false") boolean calledProcessCopiesInHistory) {

    public EngineProperties {
        variableChangeHistory = List.copyOf(variableChangeHistory);
        runtimeOnlyVariables = List.copyOf(runtimeOnlyVariables);
        if (settleTimeout.isNegative() || settleRecheck.isNegative() || settleRecheck.isZero()) {
            throw new IllegalArgumentException("resetflow.engine.settle-timeout must not be negative and settle-recheck must be positive");
        }
    }
}
