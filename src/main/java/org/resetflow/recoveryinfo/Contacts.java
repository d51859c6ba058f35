package org.resetflow.recoveryinfo;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Normalises contacts so that what a user types can be compared with what is registered: email addresses
 * case-insensitively, phone numbers as E.164 ({@code +12025550102} equals {@code +1 202 555 0102}).
 */
@Component
public class Contacts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final int MAX_LENGTH = 320;

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public Contacts(ContactProperties properties) {
        this.defaultRegion = properties.defaultRegion();
    }

    public Optional<String> email(String typed) {
        if (typed == null || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String trimmed = typed.trim().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
    }

    /** The number in E.164 when it is a valid number, else empty. */
    public Optional<String> phone(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = phoneNumbers.parse(typed.trim(), defaultRegion);
            if (!phoneNumbers.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(phoneNumbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }


}
