package org.resetflow.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import java.util.Arrays;
import javax.naming.ldap.ExtendedRequest;
import javax.naming.ldap.ExtendedResponse;

/**
 * The RFC 3062 password modify extended operation for JNDI, which has none: a service account sets the
 * password of {@code userIdentity} without knowing the old one. The value is encoded with UnboundID's BER classes.
 */
final class PasswordModifyRequest implements ExtendedRequest {

    static final String OID = "1.3.6.1.4.1.4203.1.11.1";

    private static final long serialVersionUID = 1L;
    private static final byte USER_IDENTITY = (byte) 0x80;
    private static final byte NEW_PASSWORD = (byte) 0x82;

    private final transient byte[] value;

    PasswordModifyRequest(String userIdentity, String newPassword) {
        this.value = new ASN1Sequence(
                new ASN1OctetString(USER_IDENTITY, userIdentity),
                new ASN1OctetString(NEW_PASSWORD, newPassword)).encode();
    }

    @Override
    public String getID() {
        return OID;
    }

    @Override
    public byte[] getEncodedValue() {
        return value.clone();
    }

    @Override
    public ExtendedResponse createExtendedResponse(String id, byte[] berValue, int offset, int length) {
        byte[] response = berValue == null ? null : Arrays.copyOfRange(berValue, offset, offset + length);
        return new Response(id, response);
    }

    @Override
    public String toString() {
        return "PasswordModifyRequest"; // never the value: it holds the password
    }

    /** The response, which may carry a generated password; ResetFlow always sends one, so it is not decoded. */
    private record Response(String id, byte[] value) implements ExtendedResponse {

        @Override
        public String getID() {
            return id;
        }

        @Override
        public byte[] getEncodedValue() {
            return value == null ? null : value.clone();
        }
    }
}
