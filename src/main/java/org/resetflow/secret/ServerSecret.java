package org.resetflow.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** The server secret and the purpose-bound keys derived from it. */
@Component
public class ServerSecret {

    static final int MINIMUM_LENGTH = 32;

    private final byte[] hmacKey;
    private final byte[] sealKey;

    public ServerSecret(SecurityProperties properties) {
        byte[] secret = resolve(properties);
        this.hmacKey = derive(secret, "resetflow/hmac/v1");
        this.sealKey = derive(secret, "resetflow/seal/v1");
    }

    byte[] hmacKey() {
        return hmacKey.clone();
    }

    byte[] sealKey() {
        return sealKey.clone();
    }

    private static byte[] resolve(SecurityProperties properties) {
        if (properties.secret() != null && !properties.secret().isBlank()) {
            return longEnough(properties.secret(), "resetflow.security.secret").getBytes(StandardCharsets.UTF_8);
        }
        if (properties.secretFile() != null && !properties.secretFile().isBlank()) {
            return loadOrCreate(Path.of(properties.secretFile()));
        }
        throw new IllegalStateException("resetflow.security.secret is not set. Set it (at least " + MINIMUM_LENGTH
                + " characters, the same on every node), e.g. RESETFLOW_SECURITY_SECRET=$(openssl rand -base64 48).");
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
                return longEnough(stored, "The secret in " + file).getBytes(StandardCharsets.UTF_8);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String encoded = Base64.getEncoder().encodeToString(random);
            try {
                // Owner-only from the first byte, never readable by others in between.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file); // Windows: the file inherits the folder's ACL
            }
            Files.writeString(file, encoded, StandardCharsets.UTF_8);
            return encoded.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret file " + file, e);
        }
    }

    private static String longEnough(String secret, String what) {
        if (secret.length() < MINIMUM_LENGTH) {
            throw new IllegalStateException(what + " must be at least " + MINIMUM_LENGTH
                    + " characters long; generate one with `openssl rand -base64 48`.");
        }
        return secret;
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
