package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.ExtendedRequest;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import org.junit.jupiter.api.Test;

class PasswordModifyRequestTest {

    private static final String DN = "uid=bob,ou=people,dc=corp,dc=example,dc=org";

    @Test
    void encodesTheUserIdentityAndTheNewPasswordOnly() throws Exception {
        var request = new PasswordModifyRequest(DN, "Grüße-Passw0rd");

        var decoded = new PasswordModifyExtendedRequest(
                new ExtendedRequest(request.getID(), new ASN1OctetString(request.getEncodedValue())));

        assertThat(request.getID()).isEqualTo("1.3.6.1.4.1.4203.1.11.1");
        assertThat(decoded.getUserIdentity()).isEqualTo(DN);
        assertThat(decoded.getNewPassword()).isEqualTo("Grüße-Passw0rd");
        assertThat(decoded.getOldPassword()).isNull();
    }

    @Test
    void neverShowsThePassword() {
        assertThat(new PasswordModifyRequest(DN, "Secret-Passw0rd")).hasToString("PasswordModifyRequest");
    }
}
