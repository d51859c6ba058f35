package org.resetflow.directory;

import static org.resetflow.directory.LdapConnections.asLdapContext;
import static org.resetflow.directory.LdapConnections.below;
import static org.resetflow.directory.LdapConnections.clear;
import static org.resetflow.directory.LdapConnections.replace;
import static org.resetflow.directory.LdapConnections.unavailable;
import static org.springframework.ldap.query.LdapQueryBuilder.query;

import java.util.List;
import javax.naming.directory.ModificationItem;
import javax.naming.ldap.Control;
import javax.naming.ldap.LdapContext;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;

/**
 * Password writeback to an on-premises LDAP directory (OpenLDAP-style password policy): RFC 3062 password modify,
 * {@code pwdReset} for "must change", {@code pwdAccountLockedTime} for the lock-out.
 */
final class LdapOnPremisesDirectory implements OnPremisesDirectory {

    static final String MUST_CHANGE_ATTRIBUTE = "pwdReset";
    static final String LOCKOUT_ATTRIBUTE = "pwdAccountLockedTime";

    private final LdapTemplate ldap;
    private final ContextSource userBinds;
    private final DirectoryProperties.OnPremises settings;
    private final String userSearchBase;

    /**
     * @param ldap      the service account's operations, over pooled connections
     * @param userBinds unpooled connections, for the bind that recognises a repeated write
     */
    LdapOnPremisesDirectory(LdapTemplate ldap, ContextSource userBinds, DirectoryProperties.OnPremises settings) {
        this.ldap = ldap;
        this.userBinds = userBinds;
        this.settings = settings;
        this.userSearchBase = below(settings.baseDn(), settings.userSearchBase());
    }

    /** RFC 3062 password modify, then the must-change flag. */
    @Override
    public void setPassword(Account account, String newPassword, boolean mustChange) {
        write(account, newPassword, mustChange, false);
    }

    @Override
    public void setPasswordAgain(Account account, String newPassword, boolean mustChange) {
        write(account, newPassword, mustChange, true);
    }

    private void write(Account account, String newPassword, boolean mustChange, boolean again) {
        if (newPassword == null || newPassword.isEmpty()) {
            throw new IllegalArgumentException("A new password is required");
        }
        String dn = onPremisesDnOf(account);
        try {
            try {
                ldap.executeReadWrite(context -> changePassword(asLdapContext(context), dn, newPassword));
            } catch (OnPremisesPolicyRejectedException refused) {
                if (!again || !refused.reason().mayRefuseARepeat() || !LdapConnections.binds(userBinds, dn, newPassword)) {
                    throw refused;
                }
            }
            ldap.modifyAttributes(dn, new ModificationItem[] {
                    mustChange ? replace(MUST_CHANGE_ATTRIBUTE, "TRUE") : clear(MUST_CHANGE_ATTRIBUTE) });
        } catch (NamingException e) {
            throw unavailable("The on-premises directory could not set the password of " + account.username(), e);
        }
    }

    @Override
    public void clearLockout(Account account) {
        String dn = onPremisesDnOf(account);
        try {
            ldap.modifyAttributes(dn, new ModificationItem[] { clear(LOCKOUT_ATTRIBUTE) });
        } catch (NamingException e) {
            throw unavailable("The on-premises directory could not clear the lock-out of " + account.username(), e);
        }
    }

    /** Protected when a member of a configured protected group (a {@code groupOfNames} anywhere under the base DN). */
    @Override
    public boolean isProtected(Account account) {
        if (settings.protectedGroups().isEmpty()) {
            return false;
        }
        return inProtectedGroup(onPremisesDnOf(account), account.username());
    }

    /** The same two searches as {@link #isProtected}: the account's entry, then a protected group naming it. */
    @Override
    public void probe(String username) {
        if (settings.protectedGroups().isEmpty()) {
            return;
        }
        List<String> matches = entriesMatching(username);
        inProtectedGroup(matches.isEmpty() ? settings.matchAttribute() + "=" + username + "," + userSearchBase : matches.get(0), username);
    }

    private boolean inProtectedGroup(String dn, String username) {
        String groups = settings.protectedGroups().stream()
                .map(group -> "(cn=" + LdapEncoder.filterEncode(group) + ")")
                .reduce("", String::concat);
        try {
            return !ldap.search(query().base(settings.baseDn()).countLimit(1).attributes("cn")
                            .filter("(&(objectClass=groupOfNames)(member=" + LdapEncoder.filterEncode(dn) + ")(|" + groups + "))"),
                    (ContextMapper<String>) entry -> ((DirContextOperations) entry).getStringAttribute("cn")).isEmpty();
        } catch (NamingException e) {
            throw unavailable("The on-premises directory could not read the groups of " + username, e);
        }
    }

    private Object changePassword(LdapContext context, String dn, String newPassword) throws javax.naming.NamingException {
        context.setRequestControls(new Control[] { OnPremisesPolicyRefusals.PASSWORD_POLICY_REQUEST });
        try {
            return context.extendedOperation(new PasswordModifyRequest(dn, newPassword));
        } catch (javax.naming.NamingException failure) {
            var refusal = OnPremisesPolicyRefusals.of(failure, context.getResponseControls());
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            throw failure;
        } finally {
            context.setRequestControls(null);
        }
    }

    // A synced account missing on-premises is a data problem an operator must fix: retry, then an incident.
    private String onPremisesDnOf(Account account) {
        List<String> matches = entriesMatching(account.username());
        if (matches.isEmpty()) {
            throw new DirectoryUnavailableException("Account " + account.username() + " was not found on-premises ("
                    + settings.matchAttribute() + "=" + account.username() + " under " + userSearchBase + ")");
        }
        if (matches.size() > 1) {
            throw new DirectoryUnavailableException("Account " + account.username() + " matches more than one on-premises account ("
                    + settings.matchAttribute() + "=" + account.username() + " under " + userSearchBase + ")");
        }
        return matches.get(0);
    }

    private List<String> entriesMatching(String username) {
        try {
            return ldap.search(query()
                    .base(userSearchBase)
                    .countLimit(2)
                    .attributes(settings.matchAttribute())
                    .where(settings.matchAttribute()).is(username),
                    (ContextMapper<String>) entry -> ((DirContextOperations) entry).getNameInNamespace());
        } catch (NamingException e) {
            throw unavailable("The on-premises directory could not look up " + username, e);
        }
    }
}
