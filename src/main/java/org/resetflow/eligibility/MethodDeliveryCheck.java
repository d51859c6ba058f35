package org.resetflow.eligibility;

import java.util.List;
import org.resetflow.channel.Channels;
import org.resetflow.shared.Method;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Fails start-up when the policy offers a method that no configured sender can deliver. */
@Component
public class MethodDeliveryCheck implements InitializingBean {

    private final PolicyProperties policy;
    private final Channels channels;

    public MethodDeliveryCheck(PolicyProperties policy, Channels channels) {
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
