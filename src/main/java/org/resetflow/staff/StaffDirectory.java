package org.resetflow.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.directory.DirContext;
import org.resetflow.camunda.StaffAccounts;
import org.resetflow.directory.DirectoryProperties;
import org.resetflow.directory.DirectoryUnavailableException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.filter.AndFilter;
import org.springframework.ldap.filter.EqualsFilter;
import org.springframework.ldap.filter.Filter;
import org.springframework.ldap.filter.HardcodedFilter;
import org.springframework.ldap.filter.OrFilter;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.query.SearchScope;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.stereotype.Component;

/**
 * Staff accounts and groups in the cloud directory, read with the service account; a password is checked by a bind
 * as the account itself. Every entry read is bounded by {@code resetflow.staff.directory.max-results}.
 */
@Component
public class StaffDirectory implements StaffAccounts {

    private final LdapTemplate ldap;
    private final ContextSource contextSource;
    private final StaffProperties.Directory settings;
    private final String userBase;
    private final String groupBase;
    private final String administratorGroup;

    StaffDirectory(@Qualifier("cloudLdapTemplate") LdapTemplate ldap, @Qualifier("cloudContextSource") ContextSource contextSource,
                   DirectoryProperties directories, StaffProperties staff) {
        this.ldap = ldap;
        this.contextSource = contextSource;
        this.settings = staff.directory();
        String baseDn = directories.cloud().baseDn();
        this.userBase = below(baseDn, settings.userSearchBase());
        this.groupBase = below(baseDn, settings.groupSearchBase());
        this.administratorGroup = staff.administratorGroup();
    }

    @Override
    public Optional<Person> person(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        List<Person> found = people(new EqualsFilter(settings.userIdAttribute(), id));
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    @Override
    public List<Person> people() {
        return people(null);
    }

    /** Accounts matching the user filter and {@code also} (null: every account, up to the limit). */
    public List<Person> people(Filter also) {
        return search(userBase, combine(settings.userSearchFilter(), also), this::toPerson);
    }

    /** The accounts with these ids. */
    @Override
    public List<Person> peopleWithIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        OrFilter anyOf = new OrFilter();
        ids.forEach(id -> anyOf.or(new EqualsFilter(settings.userIdAttribute(), id)));
        return people(anyOf);
    }

    /** The accounts among these DNs (a group's members); DNs outside the account base or not accounts are left out. */
    @Override
    public List<Person> peopleByDn(Collection<String> dns) {
        String suffix = "," + userBase.toLowerCase(Locale.ROOT);
        List<Person> found = new ArrayList<>();
        for (String dn : dns) {
            if (found.size() >= settings.maxResults() || !dn.toLowerCase(Locale.ROOT).replace(", ", ",").endsWith(suffix)) {
                continue;
            }
            try {
                List<Person> entry = ldap.search(LdapQueryBuilder.query().base(dn).searchScope(SearchScope.OBJECT)
                        .filter(new HardcodedFilter(settings.userSearchFilter())), (ContextMapper<Person>) this::toPerson);
                found.addAll(entry);
            } catch (NameNotFoundException gone) {
                // a member that no longer exists
            } catch (NamingException e) {
                throw unavailable(e);
            }
        }
        return found;
    }

    @Override
    public Optional<Team> team(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        List<Team> found = teams(new EqualsFilter(settings.groupIdAttribute(), id));
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    @Override
    public List<Team> teams() {
        return teams(null);
    }

    /** Groups matching the group filter and {@code also} (null: every group, up to the limit). */
    public List<Team> teams(Filter also) {
        return search(groupBase, combine(settings.groupSearchFilter(), also), this::toTeam);
    }

    /** The groups that list this account as a member. */
    @Override
    public List<Team> teamsOf(Person person) {
        return teams(new EqualsFilter(settings.groupMemberAttribute(), person.dn()));
    }

    /** Whether the password is the account's: a bind as the account. An empty password is never tried (anonymous bind). */
    @Override
    public boolean checkPassword(String id, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        Optional<Person> person = person(id);
        if (person.isEmpty()) {
            return false;
        }
        try {
            DirContext context = contextSource.getContext(person.get().dn(), password);
            LdapUtils.closeContext(context);
            return true;
        } catch (AuthenticationException wrong) {
            return false;
        } catch (NamingException e) {
            throw unavailable(e);
        }
    }

    private <T> List<T> search(String base, Filter filter, ContextMapper<T> mapper) {
        try {
            return ldap.search(LdapQueryBuilder.query().base(base).countLimit(settings.maxResults()).filter(filter), mapper);
        } catch (NameNotFoundException noBase) {
            return List.of();
        } catch (NamingException e) {
            throw unavailable(e);
        }
    }

    private Person toPerson(Object context) {
        DirContextOperations entry = (DirContextOperations) context;
        return new Person(entry.getStringAttribute(settings.userIdAttribute()), entry.getNameInNamespace(),
                entry.getStringAttribute(settings.firstNameAttribute()), entry.getStringAttribute(settings.lastNameAttribute()),
                entry.getStringAttribute(settings.emailAttribute()));
    }

    private Team toTeam(Object context) {
        DirContextOperations entry = (DirContextOperations) context;
        String[] members = entry.getStringAttributes(settings.groupMemberAttribute());
        return new Team(entry.getStringAttribute(settings.groupIdAttribute()), entry.getNameInNamespace(),
                entry.getStringAttribute(settings.groupNameAttribute()), members == null ? List.of() : List.of(members));
    }

    private static Filter combine(String base, Filter also) {
        AndFilter filter = new AndFilter().and(new HardcodedFilter(base));
        return also == null ? filter : filter.and(also);
    }

    private static String below(String baseDn, String relative) {
        return relative == null || relative.isBlank() ? baseDn : relative + "," + baseDn;
    }

    private static DirectoryUnavailableException unavailable(NamingException e) {
        return new DirectoryUnavailableException("The directory with the staff accounts does not answer: " + e.getMessage(), e);
    }

    @Override
    public String administratorGroup() {
        return administratorGroup;
    }
}
