package org.resetflow.eligibility;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Self-service is off until an administrator sets its scope: a start without one says once how to enable it, so
 * that a first installation that refuses everyone explains itself.
 */
@Component
class SelfServiceScopeNotice {

    private static final Logger log = LoggerFactory.getLogger(SelfServiceScopeNotice.class);

    private final PolicyProperties policy;

    SelfServiceScopeNotice(PolicyProperties policy) {
        this.policy = policy;
    }

    @EventListener(ApplicationReadyEvent.class)
    void tellWhenSelfServiceIsOff() {
        notice().ifPresent(log::warn);
    }

    Optional<String> notice() {
        if (policy.scope() != PolicyProperties.Scope.NONE) {
            return Optional.empty();
        }
        return Optional.of("Self-service is off for everyone (resetflow.policy.scope=none, the default): every reset and unlock"
                + " is refused. Enable it for groups with resetflow.policy.scope=groups and resetflow.policy.scope-groups=[...],"
                + " or for all users with resetflow.policy.scope=all.");
    }
}
