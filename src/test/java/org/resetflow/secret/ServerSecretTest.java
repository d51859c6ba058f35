package org.resetflow.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {

    @TempDir
    Path folder;

    @Test
    void aShortSecretFailsStartUpNamingTheSetting() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new ServerSecret(new SecurityProperties("x".repeat(31), null)))
                .withMessageContaining("resetflow.security.secret")
                .withMessageContaining("32");
    }

    @Test
    void aSecretOfThirtyTwoCharactersIsEnough() {
        assertThat(new ServerSecret(new SecurityProperties("x".repeat(32), null)).hmacKey()).hasSize(32);
    }

    @Test
    void aMissingSecretWithoutASecretFileFailsStartUpNamingTheSetting() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new ServerSecret(new SecurityProperties(null, null)))
                .withMessageContaining("resetflow.security.secret");
        assertThatIllegalStateException()
                .isThrownBy(() -> new ServerSecret(new SecurityProperties("  ", " ")))
                .withMessageContaining("resetflow.security.secret");
    }

    @Test
    void aConfiguredSecretWinsOverTheSecretFile() {
        Path file = folder.resolve("secret.key");

        new ServerSecret(new SecurityProperties(KeyedHasherTest.SECRET, file.toString()));

        assertThat(file).doesNotExist();
    }

    @Test
    void theSecretFileIsCreatedOnceReadableOnlyByItsOwnerAndThenReused() throws IOException {
        Path file = folder.resolve("data/secret.key");
        SecurityProperties fromFile = new SecurityProperties(null, file.toString());

        ServerSecret first = new ServerSecret(fromFile);
        String created = Files.readString(file);
        ServerSecret second = new ServerSecret(fromFile);

        assertThat(created).hasSizeGreaterThanOrEqualTo(ServerSecret.MINIMUM_LENGTH).matches("[A-Za-z0-9+/=]+");
        assertThat(Files.readString(file)).isEqualTo(created);
        assertThat(second.hmacKey()).isEqualTo(first.hmacKey());
        assertThat(second.sealKey()).isEqualTo(first.sealKey());
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file permissions");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aSecretFileWithTooShortASecretFailsStartUpNamingTheFile() throws IOException {
        Path file = folder.resolve("short.key");
        Files.writeString(file, "too-short\n");

        assertThatIllegalStateException()
                .isThrownBy(() -> new ServerSecret(new SecurityProperties(null, file.toString())))
                .withMessageContaining(file.toString())
                .withMessageContaining("32");
    }

    @Test
    void twoSecretFilesGiveDifferentKeys() {
        ServerSecret one = new ServerSecret(new SecurityProperties(null, folder.resolve("one.key").toString()));
        ServerSecret two = new ServerSecret(new SecurityProperties(null, folder.resolve("two.key").toString()));

        assertThat(one.hmacKey()).isNotEqualTo(two.hmacKey());
    }

    @Test
    void theHashKeyAndTheSealKeyAreDifferentKeys() {
        ServerSecret secret = new ServerSecret(new SecurityProperties(KeyedHasherTest.SECRET, null));

        assertThat(secret.hmacKey()).hasSize(32).isNotEqualTo(secret.sealKey());
        assertThat(secret.sealKey()).hasSize(32);
    }
}
