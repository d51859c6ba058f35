package org.resetflow.journey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resetflow.engine.FieldErrors;
import org.resetflow.passwordpolicy.PasswordRule;
import org.resetflow.shared.Helpdesk;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Everything the API says to people, from the message bundles, in their language. */
@Component
public class JourneyTexts {

    private final MessageSource messages;
    private final Helpdesk helpdesk;

    JourneyTexts(MessageSource messages, Helpdesk helpdesk) {
        this.messages = messages;
        this.helpdesk = helpdesk;
    }

    FlowView.Message message(String code, Locale locale, Object... args) {
        return new FlowView.Message(code, messages.getMessage("journey." + code, args, locale));
    }

    FlowView.Message helpdesk(Locale locale) {
        return message("helpdesk", locale, helpdesk.text(locale), helpdesk.url());
    }

    String lockedOutUntil(Instant until, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC).format(until) + " UTC";
    }

    public List<FlowView.FieldError> fieldErrors(FieldErrors errors, Locale locale) {
        List<FlowView.FieldError> result = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : errors.asMap().entrySet()) {
            for (String encoded : entry.getValue()) {
                String code = FieldErrors.codeOf(encoded);
                Object[] args = FieldErrors.argumentsOf(encoded);
                result.add(new FlowView.FieldError(entry.getKey(), code, fieldMessage(code, args, locale)));
            }
        }
        return result;
    }

    private String fieldMessage(String code, Object[] args, Locale locale) {
        if (code.startsWith("ONPREMISES_")) {
            return messages.getMessage("password.onpremises." + code.substring("ONPREMISES_".length()), args, locale);
        }
        if (code.startsWith("CLOUD_")) {
            return messages.getMessage("password.cloud." + code.substring("CLOUD_".length()), args, locale);
        }
        String generic = messages.getMessage("error." + code, args, null, locale);
        if (generic != null) {
            return generic;
        }
        if (isPasswordRule(code)) {
            return messages.getMessage("password.rule." + code, args, locale);
        }
        return messages.getMessage("error.INVALID", args, locale);
    }

    private static boolean isPasswordRule(String code) {
        for (PasswordRule rule : PasswordRule.values()) {
            if (rule.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
