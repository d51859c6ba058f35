package org.resetflow.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadAlgorithmException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.NotAllowedCredentialIdException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.resetflow.recoveryinfo.Passkeys;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.shared.OrganisationProperties;
import org.springframework.stereotype.Component;

/**
 * The relying party's side of WebAuthn, verified by webauthn4j: creation options and the check of a new passkey's
 * attestation (registration), request options and the check of an assertion (a gate). Options carry a new random
 * challenge each time; the steps seal them for their process instance, so that the challenge is bound to the step,
 * used once and never stored in clear text. Everything the browser sends is checked for origin (one of
 * {@code resetflow.passkey.origins}), RP id, challenge, user presence, user verification (as configured), signature and
 * signature counter. Attestation statements are not judged (the options ask for {@code none}).
 */
@Component
public class PasskeyCeremonies {

    /** What a check found; {@code field} is the form field the user is told about, {@code counted} whether it is a failed proof. */
    public enum Finding {
        ACCEPTED(null, null, false),
        /** Not base64url, not CBOR or JSON where it must be: the client's mistake, nothing is counted. */
        MALFORMED(null, "PASSKEY_MALFORMED", false),
        /** Made for another step, another challenge, another site or another ceremony: refused, not counted. */
        NOT_FOR_THIS_STEP("clientDataJSON", "PASSKEY_NOT_FOR_THIS_STEP", false),
        /** Not one of the account's passkeys, or a signature that does not verify: a failed proof. */
        WRONG("credentialId", "PASSKEY_WRONG", true),
        /** The authenticator did not verify (or see) the user: a failed proof. */
        NOT_VERIFIED("authenticatorData", "PASSKEY_NOT_VERIFIED", true),
        /** A signature counter that did not move on: an assertion replayed, or a cloned authenticator: a failed proof. */
        REPLAYED("authenticatorData", "PASSKEY_REPLAYED", true),
        /** Registration: this passkey is registered already. */
        ALREADY_REGISTERED("attestationObject", "PASSKEY_ALREADY_REGISTERED", false),
        /** Registration: a key type ResetFlow does not accept. */
        UNSUPPORTED("attestationObject", "PASSKEY_UNSUPPORTED", false);

        private final String field;
        private final String errorCode;
        private final boolean counted;

        Finding(String field, String errorCode, boolean counted) {
            this.field = field;
            this.errorCode = errorCode;
            this.counted = counted;
        }

        public String errorCode() {
            return errorCode;
        }

        public boolean counted() {
            return counted;
        }
    }

    /** A finding and the field it is about. */
    public record Verdict(Finding finding, String field) {

        static Verdict of(Finding finding) {
            return new Verdict(finding, finding.field);
        }

        public boolean accepted() {
            return finding == Finding.ACCEPTED;
        }
    }

    /** What a browser returns from {@code navigator.credentials.get()}, each value base64url; {@code userHandle} may be null. */
    public record Assertion(String credentialId, String clientDataJSON, String authenticatorData, String signature, String userHandle) {
    }

    /** What a browser returns from {@code navigator.credentials.create()}, base64url; {@code transports} comma-separated, may be null. */
    public record Attestation(String attestationObject, String clientDataJSON, String transports) {
    }

    /** The outcome of a registration: the verdict, and the passkey when it was accepted. */
    public record Registration(Verdict verdict, Passkeys.Passkey passkey) {
    }

    private static final int CHALLENGE_BYTES = 32;
    private static final int USER_HANDLE_BYTES = 32;
    private static final Set<String> TRANSPORTS = Set.of("usb", "nfc", "ble", "smart-card", "hybrid", "internal");
    /** ES256, EdDSA, RS256: what authenticators make, in the order of preference. */
    private static final List<COSEAlgorithmIdentifier> ALGORITHMS = List.of(COSEAlgorithmIdentifier.ES256, COSEAlgorithmIdentifier.EdDSA,
            COSEAlgorithmIdentifier.RS256);

    private final PasskeyProperties properties;
    private final Passkeys passkeys;
    private final KeyedHasher hasher;
    private final OrganisationProperties organisation;
    private final ObjectMapper json;
    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final SecureRandom random = new SecureRandom();
    /** The key an unknown credential is checked against, so that it fails where a wrong signature fails, not sooner. */
    private final COSEKey strangerKey;

    public PasskeyCeremonies(PasskeyProperties properties, Passkeys passkeys, KeyedHasher hasher, OrganisationProperties organisation,
                             ObjectMapper json) {
        this.properties = properties;
        this.passkeys = passkeys;
        this.hasher = hasher;
        this.organisation = organisation;
        this.json = json;
        this.strangerKey = strangerKey();
    }

    public boolean enabled() {
        return properties.enabled();
    }

    // ---- a gate ----

    /**
     * Request options for the account's passkeys ({@code PublicKeyCredentialRequestOptionsJSON}, binary values base64url),
     * with a new challenge; empty when the account has none.
     */
    public Optional<String> requestOptions(String accountKey) {
        List<Passkeys.Passkey> registered = passkeys.of(accountKey);
        if (registered.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(requestOptions(registered.stream().map(passkey -> descriptor(passkey.credentialId(), passkey.transports())).toList()));
    }

    /**
     * Request options a decoy shows: like a user's with one passkey, its credential id made from the account key with the
     * server's keyed hash, so the same username always gets the same one, and nobody without the secret can tell it from
     * a real one.
     */
    public String decoyRequestOptions(String accountKey) {
        return requestOptions(List.of(descriptor(base64url(HexFormat.of().parseHex(hasher.hash("decoyPasskey", accountKey))), "hybrid,internal")));
    }

    private String requestOptions(List<ObjectNode> allowCredentials) {
        ObjectNode options = json.createObjectNode()
                .put("challenge", base64url(randomBytes(CHALLENGE_BYTES)))
                .put("timeout", properties.timeout().toMillis())
                .put("rpId", properties.rpId())
                .put("userVerification", properties.userVerification().value());
        options.putArray("allowCredentials").addAll(allowCredentials);
        return options.toString();
    }

    /**
     * Checks an assertion against the request options the step showed (sealed until now) and the account's passkeys.
     * A decoy's, or one for a passkey that is not the account's, fails as a wrong signature fails, after the same checks.
     */
    public Verdict checkAssertion(String requestOptions, String accountKey, boolean decoy, Assertion assertion) {
        JsonNode options = readOptions(requestOptions);
        byte[] credentialId;
        byte[] clientData;
        byte[] authenticatorData;
        byte[] signature;
        byte[] userHandle;
        try {
            credentialId = decode(assertion.credentialId(), "credentialId");
            clientData = decode(assertion.clientDataJSON(), "clientDataJSON");
            authenticatorData = decode(assertion.authenticatorData(), "authenticatorData");
            signature = decode(assertion.signature(), "signature");
            userHandle = assertion.userHandle() == null || assertion.userHandle().isEmpty() ? null : decode(assertion.userHandle(), "userHandle");
        } catch (Malformed malformed) {
            return new Verdict(Finding.MALFORMED, malformed.field);
        }
        String id = base64url(credentialId);
        Optional<Passkeys.Passkey> stored = decoy ? Optional.empty() : passkeys.find(id).filter(passkey -> passkey.accountKey().equals(accountKey));
        List<byte[]> allowed = new ArrayList<>();
        options.path("allowCredentials").forEach(descriptor -> allowed.add(Base64.getUrlDecoder().decode(descriptor.path("id").asText())));
        CredentialRecord record = stored.map(this::credentialRecord).orElseGet(() -> credentialRecord(credentialId, strangerKey, 0));
        AuthenticationData data;
        try {
            data = webAuthn.parse(new AuthenticationRequest(credentialId, userHandle, authenticatorData, clientData, null, signature));
            webAuthn.verify(data, new AuthenticationParameters(serverProperty(options), record, allowed,
                    properties.userVerificationRequired(), true));
        } catch (DataConversionException e) {
            return new Verdict(Finding.MALFORMED, fieldOf(e));
        } catch (VerificationException e) {
            return verdictOf(e);
        } catch (RuntimeException unreadable) {
            // bytes the parsers cannot make sense of fail in assorted ways; within this try nothing but the client's bytes is read
            return new Verdict(Finding.MALFORMED, "authenticatorData");
        }
        if (stored.isEmpty()) {
            return Verdict.of(Finding.WRONG);
        }
        if (userHandle != null && !base64url(userHandle).equals(stored.get().userHandle())) {
            return Verdict.of(Finding.WRONG);
        }
        long counter = data.getAuthenticatorData().getSignCount();
        return passkeys.use(id, stored.get().signatureCounter(), counter) ? Verdict.of(Finding.ACCEPTED) : Verdict.of(Finding.REPLAYED);
    }

    // ---- registration ----

    /**
     * Creation options ({@code PublicKeyCredentialCreationOptionsJSON}) for a new passkey of the account, with a new
     * challenge: the account's user handle (a random one for its first passkey), its passkeys to exclude, a resident
     * key preferred, user verification as configured, attestation {@code none}.
     */
    public String creationOptions(String accountKey, String username, String displayName) {
        ObjectNode options = json.createObjectNode();
        options.putObject("rp").put("id", properties.rpId()).put("name", properties.rpName() != null ? properties.rpName() : organisation.name());
        options.putObject("user")
                .put("id", passkeys.userHandle(accountKey).orElseGet(() -> base64url(randomBytes(USER_HANDLE_BYTES))))
                .put("name", username)
                .put("displayName", displayName == null || displayName.isBlank() ? username : displayName);
        options.put("challenge", base64url(randomBytes(CHALLENGE_BYTES)));
        ArrayNode parameters = options.putArray("pubKeyCredParams");
        ALGORITHMS.forEach(algorithm -> parameters.addObject().put("type", "public-key").put("alg", algorithm.getValue()));
        options.put("timeout", properties.timeout().toMillis());
        ArrayNode exclude = options.putArray("excludeCredentials");
        passkeys.of(accountKey).forEach(passkey -> exclude.add(descriptor(passkey.credentialId(), passkey.transports())));
        options.putObject("authenticatorSelection")
                .put("residentKey", "preferred")
                .put("requireResidentKey", false)
                .put("userVerification", properties.userVerification().value());
        options.put("attestation", "none");
        return options.toString();
    }

    /**
     * Checks a new passkey's attestation against the creation options the step showed and, when it verifies, saves it for
     * the account with its label.
     */
    public Registration register(String creationOptions, String accountKey, String label, Attestation attestation) {
        JsonNode options = readOptions(creationOptions);
        byte[] attestationObject;
        byte[] clientData;
        try {
            attestationObject = decode(attestation.attestationObject(), "attestationObject");
            clientData = decode(attestation.clientDataJSON(), "clientDataJSON");
        } catch (Malformed malformed) {
            return new Registration(new Verdict(Finding.MALFORMED, malformed.field), null);
        }
        Set<String> transports = transports(attestation.transports());
        RegistrationData data;
        try {
            data = webAuthn.parse(new RegistrationRequest(attestationObject, clientData, null, transports));
            List<PublicKeyCredentialParameters> accepted = ALGORITHMS.stream()
                    .map(algorithm -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, algorithm)).toList();
            webAuthn.verify(data, new RegistrationParameters(serverProperty(options), accepted, properties.userVerificationRequired(), true));
        } catch (DataConversionException e) {
            return new Registration(new Verdict(Finding.MALFORMED, "attestationObject"), null);
        } catch (VerificationException e) {
            return new Registration(verdictOf(e), null);
        } catch (RuntimeException unreadable) {
            // as for an assertion: only the client's bytes are read within this try
            return new Registration(new Verdict(Finding.MALFORMED, "attestationObject"), null);
        }
        var authenticatorData = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticatorData.getAttestedCredentialData();
        String credentialId = base64url(credential.getCredentialId());
        String key = base64url(converter.getCborConverter().writeValueAsBytes(credential.getCOSEKey()));
        Passkeys.Passkey passkey = new Passkeys.Passkey(credentialId, accountKey, options.path("user").path("id").asText(), key,
                authenticatorData.getSignCount(), String.join(",", transports), credential.getAaguid().toString(), label, null, null);
        if (!passkeys.add(passkey)) {
            return new Registration(Verdict.of(Finding.ALREADY_REGISTERED), null);
        }
        return new Registration(Verdict.of(Finding.ACCEPTED), passkey);
    }

    // ---- shared ----

    private ServerProperty serverProperty(JsonNode options) {
        Set<Origin> origins = properties.allowedOrigins().stream().map(Origin::new).collect(Collectors.toCollection(LinkedHashSet::new));
        byte[] challenge = Base64.getUrlDecoder().decode(options.path("challenge").asText());
        return new ServerProperty(origins, properties.rpId(), new DefaultChallenge(challenge));
    }

    private CredentialRecord credentialRecord(Passkeys.Passkey passkey) {
        COSEKey key = converter.getCborConverter().readValue(Base64.getUrlDecoder().decode(passkey.publicKeyCose()), COSEKey.class);
        return credentialRecord(Base64.getUrlDecoder().decode(passkey.credentialId()), key, passkey.signatureCounter());
    }

    private static CredentialRecord credentialRecord(byte[] credentialId, COSEKey key, long counter) {
        AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, credentialId, key);
        return new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null, counter, credential, null, null, null, null);
    }

    private static Verdict verdictOf(VerificationException e) {
        if (e instanceof BadChallengeException || e instanceof MissingChallengeException || e instanceof BadOriginException
                || e instanceof BadTopOriginException || e instanceof CrossOriginException || e instanceof BadRpIdException
                || e instanceof InconsistentClientDataTypeException) {
            return Verdict.of(Finding.NOT_FOR_THIS_STEP);
        }
        if (e instanceof UserNotVerifiedException || e instanceof UserNotPresentException) {
            return Verdict.of(Finding.NOT_VERIFIED);
        }
        if (e instanceof MaliciousCounterValueException) {
            return Verdict.of(Finding.REPLAYED);
        }
        if (e instanceof NotAllowedCredentialIdException) {
            return Verdict.of(Finding.WRONG);
        }
        if (e instanceof BadAlgorithmException || e instanceof NotAllowedAlgorithmException) {
            return Verdict.of(Finding.UNSUPPORTED);
        }
        return new Verdict(Finding.WRONG, "signature");
    }

    private static String fieldOf(DataConversionException e) {
        return "authenticatorData";
    }

    private JsonNode readOptions(String options) {
        try {
            return json.readTree(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sealed passkey options are not JSON", e);
        }
    }

    private ObjectNode descriptor(String credentialId, String transports) {
        ObjectNode descriptor = json.createObjectNode().put("type", "public-key").put("id", credentialId);
        ArrayNode list = descriptor.putArray("transports");
        Arrays.stream(transports == null ? new String[0] : transports.split(",")).filter(t -> !t.isBlank()).forEach(list::add);
        return descriptor;
    }

    private static Set<String> transports(String typed) {
        if (typed == null || typed.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(typed.split(",")).map(String::trim).filter(TRANSPORTS::contains).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decode(String value, String field) throws Malformed {
        if (value == null || value.isEmpty()) {
            throw new Malformed(field);
        }
        try {
            return Base64.getUrlDecoder().decode(value.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new Malformed(field);
        }
    }

    private static COSEKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return EC2COSEKey.create((ECPublicKey) generator.generateKeyPair().getPublic(), COSEAlgorithmIdentifier.ES256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    /** A value that is not base64url, and the field it came in. */
    private static final class Malformed extends Exception {

        private final String field;

        Malformed(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }
}
