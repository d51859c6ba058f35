package org.resetflow.directory.embedded;

import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Saves after changes, one save at a time, as a database commits a group: a save covers every change made before it
 * began, so a writer whose change a save that began after it has already written returns at once. During a storm
 * of password changes the whole directory is written once for the writers that waited together, not once each;
 * every writer still returns only after a save that holds its change.
 */
final class CoalescedSaves {

    interface Save {
        void run() throws IOException, LDAPException;
    }

    private final AtomicLong changes = new AtomicLong();
    private long saved;

    /** Called after a change was applied in memory: returns once a save that includes it has finished. */
    void afterChange(Save save) throws IOException, LDAPException {
        long change = changes.incrementAndGet();
        synchronized (this) {
            if (saved >= change) {
                return;
            }
            long upTo = changes.get();
            save.run();
            saved = upTo;
        }
    }
}
