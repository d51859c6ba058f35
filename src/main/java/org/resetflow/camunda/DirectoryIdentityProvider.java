package org.resetflow.camunda;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's view of the staff directory: users and groups come from the cloud directory, read-only, so that staff
 * sign in to the webapps and {@code /engine-rest} with their directory accounts and directory groups become Camunda
 * groups (what Camunda's LDAP plugin does; that plugin is not published for 7.24). No tenants. Results are filtered
 * by the caller's READ authorisation on users and groups, like the database provider does.
 */
class DirectoryIdentityProvider implements ReadOnlyIdentityProvider {

    static final String GROUP_TYPE = "WORKFLOW";

    private final StaffAccounts directory;

    DirectoryIdentityProvider(StaffAccounts directory) {
        this.directory = directory;
    }

    // --- users

    @Override
    public User findUserById(String userId) {
        return directory.person(userId).filter(person -> readable(Resources.USER, person.id())).map(DirectoryIdentityProvider::user).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new DirectoryUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new DirectoryUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("Native user queries are not supported: staff accounts live in the directory");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return directory.checkPassword(userId, password);
    }

    List<User> users(DirectoryUserQuery query, Page page) {
        return page(matchingUsers(query), query.getFirstResult(), query.getMaxResults(), page).stream().map(DirectoryIdentityProvider::user).toList();
    }

    /** Every user the query matches, in its order, before paging. */
    List<StaffAccounts.Person> matchingUsers(DirectoryUserQuery query) {
        if (query.getTenantId() != null || query.potentialStarterDefinition() != null) {
            return List.of();
        }
        List<StaffAccounts.Person> candidates;
        if (query.getGroupId() != null) {
            candidates = directory.team(query.getGroupId()).map(team -> directory.peopleByDn(team.memberDns())).orElse(List.of());
        } else if (query.getId() != null) {
            candidates = directory.person(query.getId()).map(List::of).orElse(List.of());
        } else if (query.getIds() != null) {
            candidates = directory.peopleWithIds(List.of(query.getIds()));
        } else {
            candidates = directory.people();
        }
        return candidates.stream()
                .filter(p -> query.getId() == null || query.getId().equals(p.id()))
                .filter(p -> query.getIds() == null || List.of(query.getIds()).contains(p.id()))
                .filter(p -> equal(query.getFirstName(), p.firstName()) && like(query.getFirstNameLike(), p.firstName()))
                .filter(p -> equal(query.getLastName(), p.lastName()) && like(query.getLastNameLike(), p.lastName()))
                .filter(p -> equal(query.getEmail(), p.email()) && like(query.getEmailLike(), p.email()))
                .filter(p -> readable(Resources.USER, p.id()))
                .sorted(order(query.getOrderingProperties(), this::personProperty))
                .toList();
    }

    // --- groups

    @Override
    public Group findGroupById(String groupId) {
        return directory.team(groupId).filter(team -> readable(Resources.GROUP, team.id())).map(DirectoryIdentityProvider::group).orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new DirectoryGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new DirectoryGroupQuery();
    }

    List<Group> groups(DirectoryGroupQuery query, Page page) {
        return page(matchingGroups(query), query.getFirstResult(), query.getMaxResults(), page).stream().map(DirectoryIdentityProvider::group).toList();
    }

    /** Every group the query matches, in its order, before paging. */
    List<StaffAccounts.Team> matchingGroups(DirectoryGroupQuery query) {
        if (query.getTenantId() != null || query.potentialStarterDefinition() != null
                || (query.getType() != null && !GROUP_TYPE.equals(query.getType()))) {
            return List.of();
        }
        List<StaffAccounts.Team> candidates;
        if (query.getUserId() != null) {
            candidates = directory.person(query.getUserId()).map(directory::teamsOf).orElse(List.of());
        } else if (query.getId() != null) {
            candidates = directory.team(query.getId()).map(List::of).orElse(List.of());
        } else {
            candidates = directory.teams();
        }
        return candidates.stream()
                .filter(t -> query.getId() == null || query.getId().equals(t.id()))
                .filter(t -> query.getIds() == null || List.of(query.getIds()).contains(t.id()))
                .filter(t -> equal(query.getName(), t.name()) && like(query.getNameLike(), t.name()))
                .filter(t -> readable(Resources.GROUP, t.id()))
                .sorted(order(query.getOrderingProperties(), this::teamProperty))
                .toList();
    }

    // --- tenants: none

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenantQuery();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    // --- helpers

    private static boolean readable(Resource resource, String id) {
        CommandContext context = Context.getCommandContext();
        if (context == null || !context.isAuthorizationCheckEnabled()) {
            return true;
        }
        return context.getAuthorizationManager().isAuthorized(Permissions.READ, resource, id);
    }

    private String personProperty(StaffAccounts.Person person, String property) {
        return switch (property) {
            case "FIRST_" -> person.firstName();
            case "LAST_" -> person.lastName();
            case "EMAIL_" -> person.email();
            default -> person.id();
        };
    }

    private String teamProperty(StaffAccounts.Team team, String property) {
        return switch (property) {
            case "NAME_" -> team.name();
            case "TYPE_" -> GROUP_TYPE;
            default -> team.id();
        };
    }

    /** Camunda's orderings (by id when none), null values last. */
    private static <T> Comparator<T> order(List<QueryOrderingProperty> orderings, java.util.function.BiFunction<T, String, String> property) {
        Comparator<T> comparator = null;
        for (QueryOrderingProperty ordering : orderings) {
            String name = ordering.getQueryProperty() == null ? "ID_" : ordering.getQueryProperty().getName();
            Comparator<T> next = Comparator.comparing((T item) -> property.apply(item, name),
                    Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
            if (Direction.DESCENDING.equals(ordering.getDirection())) {
                next = next.reversed();
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        Comparator<T> byId = Comparator.comparing((T item) -> property.apply(item, "ID_"), Comparator.nullsLast(String::compareTo));
        return comparator == null ? byId : comparator.thenComparing(byId);
    }

    /** The page Camunda asks for: {@code listPage} sets it on the query itself; an explicit {@link Page} wins. */
    private static <T> List<T> page(List<T> all, int firstResult, int maxResults, Page page) {
        int first = page != null ? page.getFirstResult() : firstResult;
        int max = page != null ? page.getMaxResults() : maxResults;
        int from = Math.min(Math.max(first, 0), all.size());
        int to = (int) Math.min((long) from + Math.max(max, 0), all.size());
        return new ArrayList<>(all.subList(from, to));
    }

    private static boolean equal(String wanted, String actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }

    /** SQL LIKE as Camunda's queries use it ({@code %} any run, {@code _} one character), without regard to case. */
    static boolean like(String pattern, String actual) {
        if (pattern == null) {
            return true;
        }
        if (actual == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
                .matcher(actual.toLowerCase(Locale.ROOT)).matches();
    }

    private static User user(StaffAccounts.Person person) {
        UserEntity user = new UserEntity(person.id());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
        return user;
    }

    private static Group group(StaffAccounts.Team team) {
        GroupEntity group = new GroupEntity(team.id());
        group.setName(team.name());
        group.setType(GROUP_TYPE);
        return group;
    }
}
