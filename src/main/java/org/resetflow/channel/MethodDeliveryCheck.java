package org.resetflow.channel;

import java.util.List;
import org.resetflow.eligibility.PolicyProperties;
import org.resetflow.verification.Method;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Fails start-up when the policy offers a method that no configured sender can deliver. */
@Component
class MethodDeliveryCheck implements InitializingBean {

    private final PolicyProperties policy;
    private final Channels channels;

    MethodDeliveryCheck(PolicyProperties policy, Channels channels) {
        this.policy = policy;
        this.channels = channels;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> undeliverable = policy.methods().stream()
                .filter(Method::sendsCode)
                .filter(method -> !channels.supports(Channels.channelOf(method)))
                .map(Method::name)
                .sorted()
                .toList();
        if (!undeliverable.isEmpty()) {
            throw new IllegalStateException("resetflow.policy.methods offers " + undeliverable
                    + " but no sender is configured for them. Configure them (email: spring.mail.host) or remove them from"
                    + " resetflow.policy.methods; text messages and calls need resetflow.channels.twilio.*.");
        }
    }
}
