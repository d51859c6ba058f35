package org.resetflow.passwordpolicy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.resetflow.directory.Account;

/**
 * The names a password must not be built on: the user's first name and last name (the directory account's
 * {@code givenName} and {@code sn}) and the organisation's name ({@code resetflow.organisation.name}), each
 * {@linkplain Normalisation normalised}. A name of several words counts word by word, and as a whole without its
 * spaces; only names of {@value #SHORTEST_NAME} characters or more count, as in Microsoft Entra Password
 * Protection's substring matching.
 */
final class AccountNames {

    static final int SHORTEST_NAME = 4;

    private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    private final List<Name> organisationNames;

    AccountNames(String organisationName) {
        this.organisationNames = namesIn(organisationName);
    }

    /** The names (as written in the directory or the settings) that the normalised password contains. */
    List<String> foundIn(String normalisedPassword, Account account) {
        Set<String> found = new LinkedHashSet<>();
        for (Name name : namesOf(account)) {
            if (normalisedPassword.contains(name.normalised())) {
                found.add(name.asWritten());
            }
        }
        return List.copyOf(found);
    }

    /**
     * Whether the normalised password is, as a whole, one of the names or the username (also without the domain of a
     * principal name): the context-specific words of the NIST preset.
     */
    boolean isNameOrUsername(String normalisedPassword, Account account) {
        List<Name> names = namesOf(account);
        if (account != null && account.username() != null) {
            String username = account.username().strip();
            names.add(Name.of(username));
            int at = username.indexOf('@');
            if (at > 0) {
                names.add(Name.of(username.substring(0, at)));
            }
        }
        return names.stream().anyMatch(name -> name.normalised().equals(normalisedPassword));
    }

    private List<Name> namesOf(Account account) {
        List<Name> names = new ArrayList<>();
        if (account != null) {
            names.addAll(namesIn(account.givenName()));
            names.addAll(namesIn(account.surname()));
        }
        names.addAll(organisationNames);
        return names;
    }

    private static List<Name> namesIn(String name) {
        List<Name> names = new ArrayList<>();
        if (name == null || name.isBlank()) {
            return names;
        }
        String[] words = BETWEEN_WORDS.split(name.strip());
        for (String word : words) {
            names.add(Name.of(word));
        }
        if (words.length > 1) {
            names.add(new Name(name.strip(), Normalisation.normalised(String.join("", words))));
        }
        names.removeIf(candidate -> Normalisation.length(candidate.normalised()) < SHORTEST_NAME);
        return names;
    }

    private record Name(String asWritten, String normalised) {

        static Name of(String asWritten) {
            return new Name(asWritten, Normalisation.normalised(asWritten));
        }
    }
}
