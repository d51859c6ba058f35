package org.resetflow.directory;

import static org.resetflow.directory.LdapConnections.asLdapContext;
import static org.resetflow.directory.LdapConnections.below;
import static org.resetflow.directory.LdapConnections.clear;
import static org.resetflow.directory.LdapConnections.remove;
import static org.resetflow.directory.LdapConnections.replace;
import static org.resetflow.directory.LdapConnections.unavailable;
import static org.springframework.ldap.query.LdapQueryBuilder.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.directory.ModificationItem;
import javax.naming.ldap.Control;
import javax.naming.ldap.LdapContext;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.NoSuchAttributeException;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;

/**
 * The cloud directory over LDAP: accounts are found by a configurable filter, passwords set with RFC 3062. The
 * lock-out and must-change attributes default to OpenLDAP's {@code ppolicy} ones ({@code pwdAccountLockedTime},
 * {@code pwdReset}), and a refusal by the directory's password policy is told apart from a technical failure.
 */
final class LdapCloudDirectory implements CloudDirectory {

    private static final int MAX_USERNAME_LENGTH = 256;
    private static final String TRUE = "TRUE";

    private final LdapTemplate ldap;
    private final ContextSource userBinds;
    private final DirectoryProperties.Cloud settings;
    private final String userSearchBase;
    private final String groupSearchBase;

    /**
     * @param ldap      the service account's operations, over pooled connections
     * @param userBinds unpooled connections, so that a user's bind never stays on a connection the service account reuses
     */
    LdapCloudDirectory(LdapTemplate ldap, ContextSource userBinds, DirectoryProperties.Cloud settings) {
        this.ldap = ldap;
        this.userBinds = userBinds;
        this.settings = settings;
        this.userSearchBase = below(settings.baseDn(), settings.userSearchBase());
        this.groupSearchBase = below(settings.baseDn(), settings.groupSearchBase());
    }

    @Override
    public Optional<Account> findAccount(String username) {
        if (!isPlausibleUsername(username)) {
            return Optional.empty();
        }
        String filter = settings.userSearchFilter().replace("{0}", LdapEncoder.filterEncode(username));
        try {
            List<DirContextOperations> matches = ldap.search(query()
                    .base(userSearchBase)
                    .countLimit(2)
                    .attributes(accountAttributes())
                    .filter(filter), (ContextMapper<DirContextOperations>) DirContextOperations.class::cast);
            // An ambiguous name must not pick one of the accounts it matches.
            return matches.size() == 1 ? Optional.of(toAccount(matches.get(0), username)) : Optional.empty();
        } catch (NamingException e) {
            throw unavailable("The cloud directory could not look up an account", e);
        }
    }

    @Override
    public Set<String> groupsOf(Account account) {
        try {
            List<String> names = ldap.search(query()
                    .base(groupSearchBase)
                    .attributes("cn")
                    .filter("(&(objectClass=groupOfNames)(member=" + LdapEncoder.filterEncode(account.dn()) + "))"),
                    (ContextMapper<String>) group -> ((DirContextOperations) group).getStringAttribute("cn"));
            return new TreeSet<>(names.stream().filter(Objects::nonNull).toList());
        } catch (NamingException e) {
            throw unavailable("The cloud directory could not read the groups of " + account.username(), e);
        }
    }

    @Override
    public boolean authenticate(Account account, String password) {
        try {
            return LdapConnections.binds(userBinds, account.dn(), password);
        } catch (NamingException e) {
            throw unavailable("The cloud directory could not check the password of " + account.username(), e);
        }
    }

    /** RFC 3062 password modify, then the must-change flag and the lock-out. */
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
        try {
            ldap.executeReadWrite(context -> changePassword(asLdapContext(context), account, newPassword, again));
            ldap.modifyAttributes(account.dn(), new ModificationItem[] {
                    mustChange ? replace(settings.mustChangeAttribute(), TRUE) : clear(settings.mustChangeAttribute()),
                    clear(settings.lockoutAttribute()) });
        } catch (NamingException e) {
            throw unavailable("The cloud directory could not set the password of " + account.username(), e);
        }
    }

    /**
     * Deletes the lock-out attribute rather than replacing it with nothing: OpenLDAP's {@code ppolicy} drops the
     * recorded failed binds ({@code pwdFailureTime}) only with a delete of {@code pwdAccountLockedTime}, and without
     * that the next wrong password would lock the account again at once.
     */
    @Override
    public void clearLockout(Account account) {
        try {
            ldap.modifyAttributes(account.dn(), new ModificationItem[] { remove(settings.lockoutAttribute()) });
        } catch (NoSuchAttributeException notLocked) {
            // nothing to clear: the account was not locked, or someone unlocked it meanwhile
        } catch (NamingException e) {
            throw unavailable("The cloud directory could not clear the lock-out of " + account.username(), e);
        }
    }

    @Override
    public List<Account> findMembers(java.util.Collection<String> groupNames) {
        Set<String> memberDns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try {
            for (String group : groupNames) {
                ldap.search(query()
                        .base(groupSearchBase)
                        .attributes("member")
                        .filter("(&(objectClass=groupOfNames)(cn=" + LdapEncoder.filterEncode(group) + "))"),
                        (ContextMapper<Object>) found -> {
                            String[] members = ((DirContextOperations) found).getStringAttributes("member");
                            if (members != null) {
                                memberDns.addAll(List.of(members));
                            }
                            return null;
                        });
            }
            return memberDns.stream()
                    .map(dn -> ldap.lookup(dn, accountAttributes(), (ContextMapper<DirContextOperations>) DirContextOperations.class::cast))
                    .map(entry -> toAccount(entry, entry.getStringAttribute("uid")))
                    .toList();
        } catch (NamingException e) {
            throw unavailable("The cloud directory could not list the members of " + groupNames, e);
        }
    }

    /**
     * RFC 3062 with the password policy request control, so that a refusal by the directory's own policy (OpenLDAP's
     * {@code ppolicy}: quality, length, history) becomes a {@link CloudPolicyRejectedException} the user can act on,
     * not a technical failure. When the write is a repeat ({@code again}: an earlier attempt's job never committed) and
     * the directory refuses the password for a reason it would give the same password written twice, a bind with it
     * proves the earlier attempt succeeded, and the write counts as done; a first attempt never binds as the user.
     */
    private Object changePassword(LdapContext context, Account account, String newPassword, boolean again) throws javax.naming.NamingException {
        context.setRequestControls(new Control[] { OnPremisesPolicyRefusals.PASSWORD_POLICY_REQUEST });
        try {
            return context.extendedOperation(new PasswordModifyRequest(account.dn(), newPassword));
        } catch (javax.naming.NamingException failure) {
            var refusal = OnPremisesPolicyRefusals.of(failure, context.getResponseControls());
            boolean mayBeARepeat = refusal.map(refused -> refused.reason().mayRefuseARepeat()).orElse(false);
            if (again && mayBeARepeat && LdapConnections.binds(userBinds, account.dn(), newPassword)) {
                return null;
            }
            if (refusal.isEmpty()) {
                throw failure;
            }
            throw new CloudPolicyRejectedException(refusal.get().reason(), refusal.get().getMessage());
        } finally {
            context.setRequestControls(null);
        }
    }

    private String[] accountAttributes() {
        return new String[] {"uid", "cn", "displayName", "givenName", "sn", "mail", settings.identitySourceAttribute(),
                settings.officePhoneAttribute(), settings.lockoutAttribute()};
    }

    private Account toAccount(DirContextOperations entry, String username) {
        String uid = entry.getStringAttribute("uid");
        String displayName = entry.getStringAttribute("displayName");
        return new Account(
                uid == null ? username : uid,
                entry.getNameInNamespace(),
                displayName == null ? entry.getStringAttribute("cn") : displayName,
                entry.getStringAttribute("givenName"),
                entry.getStringAttribute("sn"),
                entry.getStringAttribute("mail"),
                IdentitySource.fromDirectoryValue(entry.getStringAttribute(settings.identitySourceAttribute())),
                entry.getStringAttribute(settings.officePhoneAttribute()),
                entry.attributeExists(settings.lockoutAttribute()));
    }

    private static boolean isPlausibleUsername(String username) {
        return username != null
                && !username.isBlank()
                && username.length() <= MAX_USERNAME_LENGTH
                && username.codePoints().noneMatch(Character::isISOControl);
    }
}
