package org.resetflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A passkey in software, built from java.security alone (EC P-256, ES256), as the WebAuthn specification lays out the
 * bytes: it answers creation options with a {@code none} attestation and request options with a signed assertion, each
 * value base64url, as a browser's JavaScript hands them to the journey API. What it answers can be bent (another
 * origin, another RP id, no user verification, a counter that goes back) to see the server refuse it.
 */
public final class SoftwareAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte AT = 0x40;

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private byte[] userHandle;
    private long counter;

    /** How the next answer is made; tests change it to make a bad one. */
    public String origin = "http://localhost:8080";
    public String rpId;
    public boolean userVerified = true;

    public SoftwareAuthenticator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    public String credentialId() {
        return base64url(credentialId);
    }

    /** Sets the counter the next assertion starts from (it adds one), to replay an older one. */
    public void counter(long value) {
        counter = value;
    }

    /** The values of {@code navigator.credentials.create()}: attestationObject, clientDataJSON, transports. */
    public Map<String, String> create(String creationOptions) {
        JsonNode options = read(creationOptions);
        userHandle = Base64.getUrlDecoder().decode(options.path("user").path("id").asText());
        String rp = rpId != null ? rpId : options.path("rp").path("id").asText();
        byte[] clientData = clientData("webauthn.create", options.path("challenge").asText());
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rp.getBytes(StandardCharsets.UTF_8)));
        authData.write(UP | (userVerified ? UV : 0) | AT);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        authData.writeBytes(new byte[16]);
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        ByteArrayOutputStream attestation = new ByteArrayOutputStream();
        attestation.write(0xA3);
        text(attestation, "fmt");
        text(attestation, "none");
        text(attestation, "attStmt");
        attestation.write(0xA0);
        text(attestation, "authData");
        bytes(attestation, authData.toByteArray());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("attestationObject", base64url(attestation.toByteArray()));
        values.put("clientDataJSON", base64url(clientData));
        values.put("transports", "internal");
        return values;
    }

    /** The values of {@code navigator.credentials.get()}: credentialId, clientDataJSON, authenticatorData, signature, userHandle. */
    public Map<String, String> get(String requestOptions) {
        JsonNode options = read(requestOptions);
        String rp = rpId != null ? rpId : options.path("rpId").asText();
        byte[] clientData = clientData("webauthn.get", options.path("challenge").asText());
        counter++;
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rp.getBytes(StandardCharsets.UTF_8)));
        authData.write(UP | (userVerified ? UV : 0));
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        byte[] authenticatorData = authData.toByteArray();
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("credentialId", base64url(credentialId));
        values.put("clientDataJSON", base64url(clientData));
        values.put("authenticatorData", base64url(authenticatorData));
        values.put("signature", base64url(signature));
        if (userHandle != null) {
            values.put("userHandle", base64url(userHandle));
        }
        return values;
    }

    private byte[] clientData(String type, String challenge) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("challenge", challenge);
        data.put("origin", origin);
        data.put("crossOrigin", false);
        try {
            return JSON.writeValueAsBytes(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as COSE_Key (RFC 9053): {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}. */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        ByteArrayOutputStream cose = new ByteArrayOutputStream();
        cose.write(0xA5);
        cose.write(0x01);
        cose.write(0x02);
        cose.write(0x03);
        cose.write(0x26);
        cose.write(0x20);
        cose.write(0x01);
        cose.write(0x21);
        bytes(cose, unsigned32(key.getW().getAffineX()));
        cose.write(0x22);
        bytes(cose, unsigned32(key.getW().getAffineY()));
        return cose.toByteArray();
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    private static void text(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x60 + utf8.length);
        out.writeBytes(utf8);
    }

    private static void bytes(ByteArrayOutputStream out, byte[] bytes) {
        if (bytes.length < 24) {
            out.write(0x40 + bytes.length);
        } else if (bytes.length < 256) {
            out.write(0x58);
            out.write(bytes.length);
        } else {
            out.write(0x59);
            out.write(bytes.length >> 8);
            out.write(bytes.length & 0xff);
        }
        out.writeBytes(bytes);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String options) {
        try {
            return JSON.readTree(options);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
