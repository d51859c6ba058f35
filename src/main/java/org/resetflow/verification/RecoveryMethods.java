package org.resetflow.verification;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.resetflow.directory.Account;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.recoveryinfo.Contacts;
import org.resetflow.recoveryinfo.Passkeys;
import org.resetflow.recoveryinfo.RecoveryInfo;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.shared.Method;
import org.springframework.stereotype.Component;

/**
 * The methods an account could prove itself with and where each sends its code: the user's registration
 * for the alternate email and mobile phone and the answers, the directory for the office phone.
 */
@Component
public class RecoveryMethods {

    private final RecoveryRegistrations registrations;
    private final Contacts contacts;
    private final VerificationProperties properties;
    private final AuthenticatorApps authenticatorApps;
    private final AuthenticatorAppProperties authenticatorApp;
    private final Passkeys passkeys;
    private final PasskeyProperties passkey;

    public RecoveryMethods(RecoveryRegistrations registrations, Contacts contacts, VerificationProperties properties,
                           AuthenticatorApps authenticatorApps, AuthenticatorAppProperties authenticatorApp, Passkeys passkeys,
                           PasskeyProperties passkey) {
        this.registrations = registrations;
        this.contacts = contacts;
        this.properties = properties;
        this.authenticatorApps = authenticatorApps;
        this.authenticatorApp = authenticatorApp;
        this.passkeys = passkeys;
        this.passkey = passkey;
    }

    /** Method → normalised destination (empty string for security questions, an authenticator app and passkeys), in a stable order. */
    public Map<Method, String> registered(Account account) {
        RecoveryInfo info = registrations.find(RecoveryRegistrations.accountKey(account.username()));
        Map<Method, String> methods = new EnumMap<>(Method.class);
        if (info.hasEmail()) {
            methods.put(Method.EMAIL, info.alternateEmail());
        }
        if (info.hasMobile()) {
            methods.put(Method.SMS, info.mobilePhone());
            methods.put(Method.VOICE_MOBILE, info.mobilePhone());
        }
        contacts.phone(account.officePhone()).ifPresent(office -> methods.put(Method.VOICE_OFFICE, office));
        if (info.hasQuestions(properties.questionsToAnswer())) {
            methods.put(Method.QUESTIONS, "");
        }
        if (authenticatorApp.enabled() && authenticatorApps.isRegistered(RecoveryRegistrations.accountKey(account.username()))) {
            methods.put(Method.AUTHENTICATOR_APP, "");
        }
        if (passkey.enabled() && passkeys.isRegistered(RecoveryRegistrations.accountKey(account.username()))) {
            methods.put(Method.PASSKEY, "");
        }
        return methods;
    }

    /** What the user typed for this method, normalised, or empty when it is no address or number. */
    public Optional<String> normalise(Method method, String typed) {
        return switch (method) {
            case EMAIL -> contacts.email(typed);
            case SMS, VOICE_MOBILE, VOICE_OFFICE -> contacts.phone(typed);
            case QUESTIONS, AUTHENTICATOR_APP, PASSKEY -> Optional.empty();
        };
    }

    /** A hint that reveals little: {@code a***@example.org}, {@code +1 *** *** **67}. */
    public static String mask(Method method, String destination) {
        if (destination == null || destination.isBlank()) {
            return "";
        }
        if (method == Method.EMAIL) {
            int at = destination.indexOf('@');
            return at > 0 ? destination.charAt(0) + "***" + destination.substring(at) : "***";
        }
        String digits = destination.replaceAll("\\D", "");
        String last = digits.length() >= 2 ? digits.substring(digits.length() - 2) : digits;
        return "+" + countryCode(destination) + " *** *** **" + last;
    }

    /** National numbers differ in length from country to country, so only the number plan knows where the country code ends. */
    private static String countryCode(String e164) {
        try {
            return String.valueOf(PhoneNumberUtil.getInstance().parse(e164, "ZZ").getCountryCode());
        } catch (NumberParseException notE164) {
            return "";
        }
    }
}
