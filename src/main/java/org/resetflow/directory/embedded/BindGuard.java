package org.resetflow.directory.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSASLBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.util.function.Supplier;

/** Refuses anonymous, unauthenticated and SASL binds, and binds to locked-out accounts, as a real directory would. */
final class BindGuard extends InMemoryOperationInterceptor {

    private final Supplier<InMemoryDirectoryServer> server;
    private final String lockoutAttribute;

    BindGuard(Supplier<InMemoryDirectoryServer> server, String lockoutAttribute) {
        this.server = server;
        this.lockoutAttribute = lockoutAttribute;
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
        SimpleBindRequest bind = request.getRequest();
        if (bind.getBindDN().isBlank() || bind.getPassword() == null || bind.getPassword().getValueLength() == 0) {
            throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "anonymous and unauthenticated binds are not allowed");
        }
        if (isLockedOut(bind.getBindDN())) {
            throw new LDAPException(ResultCode.INVALID_CREDENTIALS, "account locked");
        }
    }

    // The PLAIN mechanism would otherwise bypass the lock-out check above.
    @Override
    public void processSASLBindRequest(InMemoryInterceptedSASLBindRequest request) throws LDAPException {
        throw new LDAPException(ResultCode.AUTH_METHOD_NOT_SUPPORTED, "only simple binds are allowed");
    }

    private boolean isLockedOut(String dn) throws LDAPException {
        var entry = server.get().getEntry(dn, lockoutAttribute);
        return entry != null && entry.hasAttribute(lockoutAttribute);
    }
}
