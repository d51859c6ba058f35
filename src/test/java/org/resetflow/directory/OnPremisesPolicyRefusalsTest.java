package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Enumerated;
import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1Sequence;
import javax.naming.NamingException;
import javax.naming.directory.InvalidAttributeValueException;
import javax.naming.ldap.BasicControl;
import javax.naming.ldap.Control;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resetflow.directory.OnPremisesPolicyRejectedException.Reason;

class OnPremisesPolicyRefusalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[LDAP: error code 19 - password is too short for the on-premises policy] | TOO_SHORT",
            "[LDAP: error code 19 - password was used recently (password history)]   | RECENTLY_USED",
            "[LDAP: error code 19 - Password is in history of old passwords]         | RECENTLY_USED",
            "[LDAP: error code 19 - Password fails quality checking policy]           | TOO_SIMPLE",
            "[LDAP: error code 19 - minimum length not reached]                       | TOO_SHORT",
            "[LDAP: error code 53 - Password is too young to change]                  | TOO_RECENTLY_CHANGED",
            "[LDAP: error code 53 - 0000052D: Constraint violation - check_password_restrictions: the password is too complex] | TOO_SIMPLE",
    })
    void readsTheReasonFromTheResultCodeAndTheDiagnostic(String explanation, Reason reason) {
        assertThat(OnPremisesPolicyRefusals.of(new InvalidAttributeValueException(explanation), null))
                .get().extracting(OnPremisesPolicyRejectedException::reason).isEqualTo(reason);
    }

    @Test
    void keepsTheDirectorysDiagnosticAsTheMessage() {
        assertThat(OnPremisesPolicyRefusals.of(new InvalidAttributeValueException("[LDAP: error code 19 - Password fails quality checking policy]"), null))
                .get().extracting(Throwable::getMessage).isEqualTo("Password fails quality checking policy");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[LDAP: error code 53 - Unable to retrieve the target entry]",
            "[LDAP: error code 32 - No Such Object]",
            "[LDAP: error code 50 - Insufficient Access Rights]",
            "127.0.0.1:2389",
    })
    void otherFailuresAreNoPolicyRefusal(String explanation) {
        assertThat(OnPremisesPolicyRefusals.of(new NamingException(explanation), null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"5, TOO_SIMPLE", "6, TOO_SHORT", "7, TOO_RECENTLY_CHANGED", "8, RECENTLY_USED"})
    void prefersThePasswordPolicyResponseControl(int policyError, Reason reason) {
        var failure = new NamingException("[LDAP: error code 19 - Constraint violation]");

        assertThat(OnPremisesPolicyRefusals.of(failure, new Control[] {policyResponse(policyError)}))
                .get().extracting(OnPremisesPolicyRejectedException::reason).isEqualTo(reason);
    }

    @Test
    void aPolicyErrorTheUserCannotFixIsNoRefusal() {
        var failure = new NamingException("[LDAP: error code 19 - Constraint violation]");

        assertThat(OnPremisesPolicyRefusals.of(failure, new Control[] {policyResponse(3)})).isEmpty();
    }

    // PasswordPolicyResponseValue ::= SEQUENCE { warning [0] ... OPTIONAL, error [1] ENUMERATED OPTIONAL }
    private static Control policyResponse(int error) {
        var warning = new ASN1Element((byte) 0xA0, new ASN1Integer((byte) 0x80, 3600).encode());
        byte[] value = new ASN1Sequence(warning, new ASN1Enumerated((byte) 0x81, error)).encode();
        return new BasicControl(OnPremisesPolicyRefusals.PASSWORD_POLICY_OID, false, value);
    }
}
