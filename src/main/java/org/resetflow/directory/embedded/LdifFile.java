package org.resetflow.directory.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The LDIF file an embedded directory is saved to after every change, written so that a crash leaves the old or the new version, never half of one. */
final class LdifFile {

    private final Path file;
    private final CoalescedSaves saves = new CoalescedSaves();

    LdifFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    void importInto(InMemoryDirectoryServer server) throws LDAPException {
        server.importFromLDIF(true, file.toFile());
    }

    /** Saves the directory after a change: returns once a save that holds the change has finished. */
    void save(InMemoryDirectoryServer server) throws IOException, LDAPException {
        // One save at a time (two could otherwise move an older snapshot over a newer one), and one for all who wait.
        saves.afterChange(() -> write(server));
    }

    private void write(InMemoryDirectoryServer server) throws IOException, LDAPException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        // createTempFile makes the file readable by its owner only: it holds password hashes.
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            try (FileOutputStream out = new FileOutputStream(temporary.toFile());
                 LDIFWriter writer = new LDIFWriter(out)) {
                server.exportToLDIF(writer, true, true, false);
                writer.flush();
                out.getFD().sync();
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    // Makes the rename itself durable; some platforms cannot open a folder, and there the move is as durable as it gets.
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupportedHere) {
            // nothing more to do
        }
    }
}
