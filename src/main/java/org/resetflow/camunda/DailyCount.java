package org.resetflow.camunda;

import java.time.LocalDate;

/** How many journeys started on a day share an outcome, a kind, whether the account was known, and the verified methods. */
public record DailyCount(LocalDate day, String outcome, String journey, Long accountKnown, String verifiedMethods, long count) {

    public boolean unknownAccount() {
        return accountKnown != null && accountKnown == 0L;
    }
}
