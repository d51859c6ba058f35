package org.resetflow.escalation;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Why self-service handed a journey to the helpdesk, in words ({@code messages/helpdesk.properties}), from the
 * eligibility reason the models record ({@code NOT_REGISTERED}, {@code NO_METHOD_DELIVERED}, …). In English, as the
 * staff forms in Tasklist are. A reason without a sentence yet (a rule a process owner has just added to the policy)
 * reads as its code: the task must be created whatever the reason.
 */
@Component
class EscalationReasons {

    static final String PREFIX = "helpdesk.reason.";

    private final MessageSource messages;

    EscalationReasons(MessageSource messages) {
        this.messages = messages;
    }

    String sentence(Object reason) {
        if (reason == null || reason.toString().isBlank()) {
            return messages.getMessage(PREFIX + "none", null, "no reason recorded", Locale.ENGLISH);
        }
        String sentence = messages.getMessage(PREFIX + reason, null, null, Locale.ENGLISH);
        return sentence != null ? sentence : messages.getMessage(PREFIX + "other", new Object[] {reason}, "reason " + reason, Locale.ENGLISH);
    }
}
