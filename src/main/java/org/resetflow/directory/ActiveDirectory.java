package org.resetflow.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import org.resetflow.directory.OnPremisesPolicyRejectedException.Reason;
import org.springframework.beans.factory.DisposableBean;

/**
 * The on-premises directory in {@code active-directory} mode, over LDAPS or StartTLS with the configured trust store
 * (never "trust all"). A password is set by replacing {@code unicodePwd} with the quoted password in UTF-16LE,
 * together with {@code pwdLastSet} (0: change at next sign-in) and with the password-policy hints control, so
 * that the domain applies its history rules to the reset where it supports that control. {@code lockoutTime=0}
 * unlocks. Uses the UnboundID LDAP SDK: JNDI cannot be given a trust store per connection without a global
 * socket factory class.
 */
final class ActiveDirectory implements OnPremisesDirectory, DisposableBean {

    /** LDAP_SERVER_POLICY_HINTS_OID (Windows Server 2012 R2 and later): enforce history on a reset. */
    static final String POLICY_HINTS_OID = "1.2.840.113556.1.4.2239";
    private static final byte[] POLICY_HINTS_ON = {0x30, 0x03, 0x02, 0x01, 0x01};
    private static final String POLICY_VIOLATION = "0000052d";
    private static final int COMPLEXITY_REQUIRED = 1;
    private static final String RESULTANT_PSO = "msDS-ResultantPSO";

    private final DirectoryProperties.OnPremises settings;
    private final String userSearchBase;
    private volatile LDAPConnectionPool pool;
    private volatile SingleServerSet serverSet;

    ActiveDirectory(DirectoryProperties.OnPremises settings) {
        this.settings = settings;
        this.userSearchBase = LdapConnections.below(settings.baseDn(), settings.userSearchBase());
        // configuration errors stop the start: a trust store that cannot be read, a URL without TLS
        trustManager();
        if (!isLdaps(settings.url()) && !settings.startTls()) {
            throw new IllegalStateException("resetflow.directory.on-premises.url " + settings.url() + ": Active Directory accepts "
                    + "passwords only over TLS; use an ldaps:// URL, or an ldap:// URL with start-tls: true");
        }
    }

    private static boolean isLdaps(String url) {
        try {
            return "ldaps".equalsIgnoreCase(new LDAPURL(url).getScheme());
        } catch (LDAPException e) {
            throw new IllegalStateException("resetflow.directory.on-premises.url " + url + " is not an LDAP URL: " + e.getMessage(), e);
        }
    }

    @Override
    public void setPassword(Account account, String newPassword, boolean mustChange) {
        write(account, newPassword, mustChange, false);
    }

    /**
     * The domain refuses a password it was just given (0000052D under its history rule, which the policy-hints
     * control applies to resets); the bind that recognises it uses a connection of its own, never a pooled one.
     */
    @Override
    public void setPasswordAgain(Account account, String newPassword, boolean mustChange) {
        write(account, newPassword, mustChange, true);
    }

    private void write(Account account, String newPassword, boolean mustChange, boolean again) {
        SearchResultEntry entry = requireUnprotected(account, find(account));
        ModifyRequest reset = new ModifyRequest(entry.getDN(),
                new Modification(ModificationType.REPLACE, "unicodePwd", quotedUtf16(newPassword)),
                new Modification(ModificationType.REPLACE, "pwdLastSet", mustChange ? "0" : "-1"));
        reset.addControl(new Control(POLICY_HINTS_OID, false, new ASN1OctetString(POLICY_HINTS_ON)));
        try {
            pool().modify(reset);
        } catch (LDAPException failure) {
            if (isPolicyViolation(failure)) {
                Reason reason = reasonFor(failure, newPassword, entry);
                if (again && reason.mayRefuseARepeat() && binds(account, entry.getDN(), newPassword)) {
                    return; // the earlier attempt set it, pwdLastSet with it (one modify)
                }
                throw new OnPremisesPolicyRejectedException(reason, failure.getDiagnosticMessage());
            }
            throw unavailable("Active Directory did not accept the new password of " + account.username(), failure);
        }
    }

    @Override
    public void clearLockout(Account account) {
        SearchResultEntry entry = requireUnprotected(account, find(account));
        try {
            pool().modify(entry.getDN(), new Modification(ModificationType.REPLACE, "lockoutTime", "0"));
        } catch (LDAPException failure) {
            throw unavailable("Active Directory did not clear the lock-out of " + account.username(), failure);
        }
    }

    @Override
    public boolean isProtected(Account account) {
        return isProtected(find(account));
    }

    /** The search {@link #isProtected} makes, whatever it finds. */
    @Override
    public void probe(String username) {
        search(username);
    }

    // The journeys send protected accounts to the helpdesk; this catches one that became protected since.
    private SearchResultEntry requireUnprotected(Account account, SearchResultEntry entry) {
        if (isProtected(entry)) {
            throw new ProtectedAccountException("Account " + account.username() + " is a protected Active Directory account "
                    + "(adminCount=1 or a member of a protected group): ResetFlow does not write it. Reset or unlock it with "
                    + "the domain's own tools, then resolve this incident by cancelling the journey.");
        }
        return entry;
    }

    private boolean isProtected(SearchResultEntry entry) {
        if (entry.getAttributeValueAsInteger("adminCount") != null && entry.getAttributeValueAsInteger("adminCount") == 1) {
            return true;
        }
        String[] memberOf = entry.getAttributeValues("memberOf");
        if (memberOf == null) {
            return false;
        }
        for (String group : memberOf) {
            String cn = group.replaceFirst("(?i)^cn=([^,]+),.*$", "$1");
            if (settings.protectedGroups().stream().anyMatch(cn::equalsIgnoreCase)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }

    // A synced account missing on-premises is a data problem an operator must fix: retry, then an incident.
    private SearchResultEntry find(Account account) {
        List<SearchResultEntry> found = search(account.username());
        if (found.size() != 1) {
            throw new DirectoryUnavailableException("Account " + account.username() + " matches " + found.size()
                    + " Active Directory accounts (" + settings.matchAttribute() + "=" + account.username() + " under " + userSearchBase + ")");
        }
        return found.get(0);
    }

    private List<SearchResultEntry> search(String username) {
        try {
            return pool().search(userSearchBase, SearchScope.SUB,
                    Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "user"),
                            Filter.createEqualityFilter(settings.matchAttribute(), username)),
                    "sAMAccountName", "adminCount", "memberOf", "displayName", RESULTANT_PSO).getSearchEntries();
        } catch (LDAPException failure) {
            throw unavailable("Active Directory could not look up " + username, failure);
        }
    }

    private static boolean isPolicyViolation(LDAPException failure) {
        String diagnostic = failure.getDiagnosticMessage() == null ? "" : failure.getDiagnosticMessage().toLowerCase(Locale.ROOT);
        return (failure.getResultCode() == ResultCode.CONSTRAINT_VIOLATION || failure.getResultCode() == ResultCode.UNWILLING_TO_PERFORM)
                && diagnostic.contains(POLICY_VIOLATION);
    }

    /**
     * Active Directory answers every policy refusal with the same 0000052D. Samba adds words; Windows does not. When
     * the words do not say it, the policy that applies to the account does: its fine-grained password policy
     * ({@code msDS-ResultantPSO}) if it has one, else the domain's. Too short for it, not complex enough, or else
     * (with a password history) used before. A policy ResetFlow may not read gives no reason rather than a wrong one.
     */
    private Reason reasonFor(LDAPException failure, String password, SearchResultEntry entry) {
        Reason fromWords = OnPremisesPolicyRefusals.reasonOfText(failure.getDiagnosticMessage().toLowerCase(Locale.ROOT));
        if (fromWords != Reason.OTHER) {
            return fromWords;
        }
        try {
            String pso = entry.getAttributeValue(RESULTANT_PSO);
            int minLength;
            boolean complexity;
            int history;
            if (pso != null) {
                SearchResultEntry policy = pool().getEntry(pso, "msDS-MinimumPasswordLength", "msDS-PasswordComplexityEnabled",
                        "msDS-PasswordHistoryLength");
                if (policy == null || !policy.hasAttribute("msDS-MinimumPasswordLength")) {
                    return Reason.OTHER;
                }
                minLength = intOf(policy, "msDS-MinimumPasswordLength");
                complexity = "TRUE".equalsIgnoreCase(policy.getAttributeValue("msDS-PasswordComplexityEnabled"));
                history = intOf(policy, "msDS-PasswordHistoryLength");
            } else {
                SearchResultEntry domain = pool().getEntry(defaultNamingContext(), "minPwdLength", "pwdProperties", "pwdHistoryLength");
                minLength = intOf(domain, "minPwdLength");
                complexity = (intOf(domain, "pwdProperties") & COMPLEXITY_REQUIRED) != 0;
                history = intOf(domain, "pwdHistoryLength");
            }
            if (password.codePointCount(0, password.length()) < minLength) {
                return Reason.TOO_SHORT;
            }
            if (complexity && !complexEnough(password, entry)) {
                return Reason.TOO_SIMPLE;
            }
            return history > 0 ? Reason.RECENTLY_USED : Reason.OTHER;
        } catch (LDAPException unknown) {
            return Reason.OTHER;
        }
    }

    /** Active Directory's complexity rule: three of five character categories, and not the account name. */
    static boolean complexEnough(String password, SearchResultEntry entry) {
        String sam = entry.getAttributeValue("sAMAccountName");
        if (sam != null && sam.length() > 2 && password.toLowerCase(Locale.ROOT).contains(sam.toLowerCase(Locale.ROOT))) {
            return false;
        }
        int categories = 0;
        categories += password.codePoints().anyMatch(Character::isUpperCase) ? 1 : 0;
        categories += password.codePoints().anyMatch(Character::isLowerCase) ? 1 : 0;
        categories += password.codePoints().anyMatch(Character::isDigit) ? 1 : 0;
        categories += password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        categories += password.codePoints().anyMatch(c -> Character.isLetter(c) && !Character.isUpperCase(c) && !Character.isLowerCase(c)) ? 1 : 0;
        return categories >= 3;
    }

    /** A simple bind as the user, on a new connection closed at once, so that no pooled connection ever carries it. */
    private boolean binds(Account account, String dn, String password) {
        try (LDAPConnection connection = connectAlone()) {
            connection.bind(new SimpleBindRequest(dn, password));
            return true;
        } catch (LDAPException failure) {
            if (failure.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false; // also for an account locked out, disabled or expired (AD's "data 775", "533", "532")
            }
            throw unavailable("Active Directory could not check the new password of " + account.username(), failure);
        }
    }

    private LDAPConnection connectAlone() throws LDAPException {
        pool();
        LDAPConnection connection = serverSet.getConnection();
        if (!isLdaps(settings.url())) {
            try {
                ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(new SSLUtil(trustManager()).createSSLContext()));
                if (started.getResultCode() != ResultCode.SUCCESS) {
                    connection.close();
                    throw new LDAPException(started);
                }
            } catch (GeneralSecurityException e) {
                connection.close();
                throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS could not be set up: " + e.getMessage(), e);
            }
        }
        return connection;
    }

    private String defaultNamingContext() throws LDAPException {
        String context = pool().getRootDSE().getAttributeValue("defaultNamingContext");
        return context == null ? settings.baseDn() : context;
    }

    private static int intOf(SearchResultEntry entry, String attribute) {
        Integer value = entry == null ? null : entry.getAttributeValueAsInteger(attribute);
        return value == null ? 0 : value;
    }

    private static byte[] quotedUtf16(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }

    private LDAPConnectionPool pool() throws LDAPException {
        LDAPConnectionPool current = pool;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (pool == null) {
                pool = connect();
            }
            return pool;
        }
    }

    private LDAPConnectionPool connect() throws LDAPException {
        LDAPURL url = new LDAPURL(settings.url());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.timeout().toMillis());
        options.setResponseTimeoutMillis(settings.timeout().toMillis());
        if (settings.verifyHostname()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        SSLUtil ssl = new SSLUtil(trustManager());
        boolean ldaps = isLdaps(settings.url());
        try {
            SingleServerSet server = ldaps
                    ? new SingleServerSet(url.getHost(), url.getPort(), ssl.createSSLSocketFactory(), options)
                    : new SingleServerSet(url.getHost(), url.getPort(), options);
            StartTLSPostConnectProcessor startTls = ldaps ? null
                    : new StartTLSPostConnectProcessor(ssl.createSSLSocketFactory());
            serverSet = server;
            LDAPConnectionPool created = new LDAPConnectionPool(server, new SimpleBindRequest(settings.bindDn(), settings.bindPassword()),
                    1, 4, startTls);
            created.setRetryFailedOperationsDueToInvalidConnections(true);
            created.setConnectionPoolName("active-directory");
            return created;
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS could not be set up: " + e.getMessage(), e);
        }
    }

    private TrustManager trustManager() {
        String store = settings.trustStore();
        if (store == null || store.isBlank()) {
            return null;
        }
        File file = new File(store);
        try {
            String name = file.getName().toLowerCase(Locale.ROOT);
            if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
                return new PEMFileTrustManager(file);
            }
            char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
            return new TrustStoreTrustManager(file, password, name.endsWith(".jks") ? "JKS" : "PKCS12", true);
        } catch (RuntimeException | java.security.KeyStoreException e) {
            throw new IllegalStateException("resetflow.directory.on-premises.trust-store " + store + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static DirectoryUnavailableException unavailable(String what, LDAPException failure) {
        String hint = failure.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS
                ? " (the service account lacks the right to reset passwords)" : "";
        String detail = failure.getDiagnosticMessage() != null ? failure.getDiagnosticMessage() : failure.getMessage();
        return new DirectoryUnavailableException(what + hint + ": " + failure.getResultCode() + " " + (detail == null ? "" : detail));
    }
}
