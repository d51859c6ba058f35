package org.resetflow.passwordpolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of checking a new password: every violation found, in the order of {@link PasswordRule}.
 *
 * @param violations all violations; empty when the password is acceptable
 */
public record PasswordCheck(List<Violation> violations) {

    public PasswordCheck {
        List<Violation> ordered = new ArrayList<>(violations);
        ordered.sort(Comparator.comparing(Violation::rule));
        violations = List.copyOf(ordered);
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public boolean violates(PasswordRule rule) {
        return violations.stream().anyMatch(violation -> violation.rule() == rule);
    }

    /** This check plus a violation found elsewhere, such as {@link PasswordRule#SAME_AS_CURRENT} by a directory bind. */
    public PasswordCheck with(Violation violation) {
        List<Violation> more = new ArrayList<>(violations);
        more.add(violation);
        return new PasswordCheck(more);
    }
}
