package org.resetflow.camunda;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The staff accounts and groups that the engine's identity provider ({@link DirectoryIdentityProvider}) answers
 * Camunda's user and group queries from, and the group whose members the engine treats as administrators. The staff
 * feature implements it on the directory; the engine's side of it needs Camunda's internal identity API.
 */
public interface StaffAccounts {

    /** A directory account as Camunda sees a user. */
    record Person(String id, String dn, String firstName, String lastName, String email) {
    }

    /** A directory group as Camunda sees a group. */
    record Team(String id, String dn, String name, List<String> memberDns) {
    }

    Optional<Person> person(String id);

    /** Every account, up to the directory's limit. */
    List<Person> people();

    List<Person> peopleWithIds(Collection<String> ids);

    /** The accounts among these DNs (a group's members). */
    List<Person> peopleByDn(Collection<String> dns);

    Optional<Team> team(String id);

    /** Every group, up to the directory's limit. */
    List<Team> teams();

    List<Team> teamsOf(Person person);

    boolean checkPassword(String id, String password);

    /** The group whose members are the engine's administrators. */
    String administratorGroup();
}
