package org.resetflow.directory;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Enumerated;
import com.unboundid.asn1.ASN1Exception;
import com.unboundid.asn1.ASN1Sequence;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.NamingException;
import javax.naming.ldap.BasicControl;
import javax.naming.ldap.Control;
import org.resetflow.directory.OnPremisesPolicyRejectedException.Reason;

/**
 * Tells a refusal by a directory's password policy (the on-premises directory's, and the cloud directory's: OpenLDAP's
 * {@code ppolicy} answers both the same way) apart from a technical failure, and finds the reason:
 * first from the password-policy response control (draft-behera-ldap-password-policy), then from the result
 * code and the directory's diagnostic text.
 */
final class OnPremisesPolicyRefusals {

    static final String PASSWORD_POLICY_OID = "1.3.6.1.4.1.42.2.27.8.5.1";
    static final Control PASSWORD_POLICY_REQUEST = new BasicControl(PASSWORD_POLICY_OID);

    private static final int CONSTRAINT_VIOLATION = 19;
    private static final int UNWILLING_TO_PERFORM = 53;
    private static final byte POLICY_ERROR = (byte) 0x81;
    private static final Pattern LDAP_RESULT = Pattern.compile("^\\[LDAP: error code (\\d+)(?: - (.*))?]$", Pattern.DOTALL);
    private static final Pattern POLICY_WORDS = Pattern.compile("polic|histor|used|short|length|complex|quality|young|0000052d");

    private OnPremisesPolicyRefusals() {
    }

    static Optional<OnPremisesPolicyRejectedException> of(NamingException failure, Control[] responseControls) {
        String diagnostic = diagnosticOf(failure);
        Optional<Integer> policyError = policyErrorIn(responseControls);
        if (policyError.isPresent()) {
            return reasonOfPolicyError(policyError.get()).map(reason -> new OnPremisesPolicyRejectedException(reason, diagnostic));
        }
        int resultCode = resultCodeOf(failure);
        String words = diagnostic.toLowerCase(Locale.ROOT);
        if (resultCode == CONSTRAINT_VIOLATION || (resultCode == UNWILLING_TO_PERFORM && POLICY_WORDS.matcher(words).find())) {
            return Optional.of(new OnPremisesPolicyRejectedException(reasonOfText(words), diagnostic));
        }
        return Optional.empty();
    }

    /**
     * Whether a directory's refusal of a password write is one it would give the same password written again (see
     * {@link Reason#mayRefuseARepeat()}), so that the write may have succeeded before: only then is a bind with the
     * new password worth its risk of counting as a failed sign-in.
     */
    static boolean mayRefuseARepeat(org.springframework.ldap.NamingException failure) {
        return failure.getCause() instanceof NamingException refusal
                && of(refusal, null).map(refused -> refused.reason().mayRefuseARepeat()).orElse(false);
    }

    static Reason reasonOfText(String lowerCaseDiagnostic) {
        if (lowerCaseDiagnostic.contains("history") || lowerCaseDiagnostic.contains("used")) {
            return Reason.RECENTLY_USED;
        }
        if (lowerCaseDiagnostic.contains("short") || lowerCaseDiagnostic.contains("length")) {
            return Reason.TOO_SHORT;
        }
        if (lowerCaseDiagnostic.contains("complex") || lowerCaseDiagnostic.contains("quality")) {
            return Reason.TOO_SIMPLE;
        }
        if (lowerCaseDiagnostic.contains("young")) {
            return Reason.TOO_RECENTLY_CHANGED;
        }
        return Reason.OTHER;
    }

    // Errors 0 to 4 (expired, locked, change after reset, modification not allowed, old password needed) are not
    // about the new password: the user cannot fix them by choosing another, an operator must look.
    private static Optional<Reason> reasonOfPolicyError(int error) {
        return switch (error) {
            case 5 -> Optional.of(Reason.TOO_SIMPLE);
            case 6 -> Optional.of(Reason.TOO_SHORT);
            case 7 -> Optional.of(Reason.TOO_RECENTLY_CHANGED);
            case 8 -> Optional.of(Reason.RECENTLY_USED);
            default -> Optional.empty();
        };
    }

    private static Optional<Integer> policyErrorIn(Control[] responseControls) {
        if (responseControls == null) {
            return Optional.empty();
        }
        return Arrays.stream(responseControls)
                .filter(control -> PASSWORD_POLICY_OID.equals(control.getID()) && control.getEncodedValue() != null)
                .findFirst()
                .flatMap(control -> policyErrorOf(control.getEncodedValue()));
    }

    private static Optional<Integer> policyErrorOf(byte[] value) {
        try {
            for (ASN1Element element : ASN1Sequence.decodeAsSequence(value).elements()) {
                if (element.getType() == POLICY_ERROR) {
                    return Optional.of(ASN1Enumerated.decodeAsEnumerated(element).intValue());
                }
            }
            return Optional.empty();
        } catch (ASN1Exception malformed) {
            return Optional.empty();
        }
    }

    private static int resultCodeOf(NamingException failure) {
        Matcher result = LDAP_RESULT.matcher(explanationOf(failure));
        return result.matches() ? Integer.parseInt(result.group(1)) : -1;
    }

    private static String diagnosticOf(NamingException failure) {
        Matcher result = LDAP_RESULT.matcher(explanationOf(failure));
        if (result.matches() && result.group(2) != null && !result.group(2).isBlank()) {
            return result.group(2).trim();
        }
        return "the on-premises password policy refused the password";
    }

    private static String explanationOf(NamingException failure) {
        return failure.getExplanation() == null ? "" : failure.getExplanation().trim();
    }
}
