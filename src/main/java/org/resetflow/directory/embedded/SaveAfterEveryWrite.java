package org.resetflow.directory.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the whole directory after every successful write, before the client sees the result, so that
 * a change the client was told about survives a restart. A failed save is reported to the client.
 */
final class SaveAfterEveryWrite extends InMemoryOperationInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SaveAfterEveryWrite.class);
    private static final String NOT_SAVED = "the change was applied in memory but could not be saved";

    private final Supplier<InMemoryDirectoryServer> server;
    private final LdifFile file;

    SaveAfterEveryWrite(Supplier<InMemoryDirectoryServer> server, LdifFile file) {
        this.server = server;
        this.file = file;
    }

    @Override
    public void processAddResult(InMemoryInterceptedAddResult add) {
        if (isSuccess(add.getResult()) && !saved()) {
            add.setResult(notSaved(add.getResult()));
        }
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult modify) {
        if (isSuccess(modify.getResult()) && !saved()) {
            modify.setResult(notSaved(modify.getResult()));
        }
    }

    @Override
    public void processDeleteResult(InMemoryInterceptedDeleteResult delete) {
        if (isSuccess(delete.getResult()) && !saved()) {
            delete.setResult(notSaved(delete.getResult()));
        }
    }

    @Override
    public void processModifyDNResult(InMemoryInterceptedModifyDNResult rename) {
        if (isSuccess(rename.getResult()) && !saved()) {
            rename.setResult(notSaved(rename.getResult()));
        }
    }

    // Password modify and end-transaction write; saving after a read-only extended operation only costs a few milliseconds.
    @Override
    public void processExtendedResult(InMemoryInterceptedExtendedResult extended) {
        if (isSuccess(extended.getResult()) && !saved()) {
            extended.setResult(new ExtendedResult(extended.getResult().getMessageID(), ResultCode.OTHER, NOT_SAVED,
                    null, null, null, null, null));
        }
    }

    private boolean saved() {
        try {
            file.save(server.get());
            return true;
        } catch (IOException | LDAPException e) {
            log.error("Could not save the embedded directory to {}", file.path(), e);
            return false;
        }
    }

    private static boolean isSuccess(LDAPResult result) {
        return result.getResultCode() == ResultCode.SUCCESS;
    }

    private static LDAPResult notSaved(LDAPResult result) {
        return new LDAPResult(result.getMessageID(), ResultCode.OTHER, NOT_SAVED, null, (String[]) null, (Control[]) null);
    }
}
