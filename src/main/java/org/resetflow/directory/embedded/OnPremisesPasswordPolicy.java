package org.resetflow.directory.embedded;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryPasswordEncoder;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ReadOnlyEntry;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small password policy for the embedded on-premises directory, enforced on RFC 3062 password modify and on
 * modifications of {@code userPassword}: a minimum length, and no reuse of the current or a recent password.
 * <p>
 * The current password is the hash in {@code userPassword}; after each successful change its previous hash moves
 * into {@code pwdHistory} as {@code <time>#<hash>}, so every hash stays the server's own salted SHA-256.
 */
final class OnPremisesPasswordPolicy extends InMemoryOperationInterceptor {

    static final String HISTORY_ATTRIBUTE = "pwdHistory";
    static final String TOO_SHORT = "password is too short for the on-premises policy";
    static final String RECENTLY_USED = "password was used recently (password history)";

    private static final Logger log = LoggerFactory.getLogger(OnPremisesPasswordPolicy.class);
    private static final String PASSWORD_ATTRIBUTE = "userPassword";
    private static final String CHANGED_ENTRY = OnPremisesPasswordPolicy.class.getName() + ".changedEntry";
    private static final String REPLACED_PASSWORDS = OnPremisesPasswordPolicy.class.getName() + ".replacedPasswords";
    private static final DateTimeFormatter HISTORY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Supplier<InMemoryDirectoryServer> server;
    private final int minimumLength;
    private final int recentPasswords;

    /**
     * @param recentPasswords how many recent passwords, the current one included, may not be reused (0: no check)
     */
    OnPremisesPasswordPolicy(Supplier<InMemoryDirectoryServer> server, int minimumLength, int recentPasswords) {
        this.server = server;
        this.minimumLength = minimumLength;
        this.recentPasswords = recentPasswords;
    }

    @Override
    public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) throws LDAPException {
        if (!PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID.equals(request.getRequest().getOID())) {
            return;
        }
        var change = new PasswordModifyExtendedRequest(request.getRequest());
        if (change.getUserIdentity() == null) {
            throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "the on-premises policy needs the user identity (a DN)");
        }
        if (change.getRawNewPassword() == null) {
            throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "the on-premises policy needs the new password");
        }
        check(request, targetOf(change.getUserIdentity()), change.getRawNewPassword());
    }

    @Override
    public void processExtendedResult(InMemoryInterceptedExtendedResult result) {
        if (result.getResult().getResultCode() == ResultCode.SUCCESS) {
            rememberReplacedPasswords(result);
        }
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        DN target = new DN(request.getRequest().getDN());
        for (Modification modification : request.getRequest().getModifications()) {
            if (setsPassword(modification)) {
                for (ASN1OctetString newPassword : modification.getRawValues()) {
                    if (!encoder().passwordStartsWithPrefix(newPassword)) {
                        check(request, target, newPassword);
                    }
                }
            }
        }
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        if (result.getResult().getResultCode() == ResultCode.SUCCESS) {
            rememberReplacedPasswords(result);
        }
    }

    private void check(InMemoryInterceptedRequest request, DN target, ASN1OctetString newPassword) throws LDAPException {
        ReadOnlyEntry entry = server.get().getEntry(target.toString(), PASSWORD_ATTRIBUTE, HISTORY_ATTRIBUTE);
        if (entry == null) {
            return; // the server itself answers that the entry does not exist
        }
        String clear = newPassword.stringValue();
        if (clear.codePointCount(0, clear.length()) < minimumLength) {
            throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, TOO_SHORT);
        }
        if (recentPasswords > 0) {
            for (ASN1OctetString recent : recentHashes(entry)) {
                if (encoder().clearPasswordMatchesEncodedPassword(newPassword, recent, entry)) {
                    throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, RECENTLY_USED);
                }
            }
        }
        request.setProperty(CHANGED_ENTRY, target);
        request.setProperty(REPLACED_PASSWORDS, currentHashes(entry));
    }

    private List<ASN1OctetString> recentHashes(Entry entry) {
        return Stream.concat(currentHashes(entry).stream(), newestFirst(entry).limit(recentPasswords - 1L).map(this::hashOf))
                .filter(encoder()::passwordStartsWithPrefix)
                .toList();
    }

    private void rememberReplacedPasswords(InMemoryInterceptedResult result) {
        var target = (DN) result.getProperty(CHANGED_ENTRY);
        @SuppressWarnings("unchecked")
        var replaced = (List<ASN1OctetString>) result.getProperty(REPLACED_PASSWORDS);
        if (target == null || replaced == null) {
            return;
        }
        try {
            Entry entry = server.get().getEntry(target.toString(), HISTORY_ATTRIBUTE);
            if (entry == null) {
                return;
            }
            String stamp = nextStamp(entry);
            List<String> history = new ArrayList<>();
            replaced.forEach(hash -> history.add(stamp + "#" + hash.stringValue()));
            newestFirst(entry).forEach(history::add);
            // The current password is the newest of the recent ones, so the history keeps one fewer.
            List<String> kept = history.stream().limit(Math.max(0, recentPasswords - 1L)).toList();
            server.get().modify(target.toString(), new Modification(ModificationType.REPLACE, HISTORY_ATTRIBUTE, kept.toArray(String[]::new)));
        } catch (LDAPException e) {
            log.warn("Could not update the password history of {}: {}", target, e.getResultCode());
        }
    }

    // Strictly increasing, so that sorting finds the newest even after two changes within one millisecond.
    private static String nextStamp(Entry entry) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return newestFirst(entry).findFirst()
                .map(newest -> Instant.from(HISTORY_TIME.parse(newest.substring(0, newest.indexOf('#')))))
                .filter(newest -> !now.isAfter(newest))
                .map(newest -> HISTORY_TIME.format(newest.plusMillis(1)))
                .orElseGet(() -> HISTORY_TIME.format(now));
    }

    private static DN targetOf(String userIdentity) throws LDAPException {
        String dn = userIdentity.regionMatches(true, 0, "dn:", 0, 3) ? userIdentity.substring(3) : userIdentity;
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "the on-premises policy needs the user identity as a DN");
        }
    }

    private static boolean setsPassword(Modification modification) {
        return PASSWORD_ATTRIBUTE.equalsIgnoreCase(Attribute.getBaseName(modification.getAttributeName()))
                && modification.hasValue()
                && (modification.getModificationType() == ModificationType.REPLACE || modification.getModificationType() == ModificationType.ADD);
    }

    private static List<ASN1OctetString> currentHashes(Entry entry) {
        Attribute passwords = entry.getAttribute(PASSWORD_ATTRIBUTE);
        return passwords == null ? List.of() : List.of(passwords.getRawValues());
    }

    private static Stream<String> newestFirst(Entry entry) {
        String[] values = entry.getAttributeValues(HISTORY_ATTRIBUTE);
        return values == null ? Stream.empty() : Stream.of(values).sorted(Comparator.reverseOrder());
    }

    private ASN1OctetString hashOf(String historyValue) {
        return new ASN1OctetString(historyValue.substring(historyValue.indexOf('#') + 1));
    }

    private InMemoryPasswordEncoder encoder() {
        return server.get().getPrimaryPasswordEncoder();
    }
}
