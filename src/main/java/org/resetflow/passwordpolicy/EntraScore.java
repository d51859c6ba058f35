package org.resetflow.passwordpolicy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Microsoft Entra Password Protection's score: each banned term found counts one point, each remaining character
 * one point, and a password needs {@value #REQUIRED_POINTS}. Where found terms overlap, the score is the lowest any
 * choice of non-overlapping terms gives, so the password is never credited for a reading that favours it.
 *
 * @param points the score
 * @param terms  the banned terms that make up that score, each once, in the order they appear
 */
record EntraScore(int points, List<String> terms) {

    static final int REQUIRED_POINTS = 5;

    EntraScore {
        terms = List.copyOf(terms);
    }

    boolean passes() {
        return points >= REQUIRED_POINTS;
    }

    /**
     * @param length the normalised password's length in characters
     * @param found  the banned terms found in it ({@link BannedTerms#foundIn})
     */
    static EntraScore of(int length, List<BannedTerms.Found> found) {
        List<List<BannedTerms.Found>> endingAt = new ArrayList<>(length + 1);
        for (int i = 0; i <= length; i++) {
            endingAt.add(new ArrayList<>());
        }
        found.forEach(term -> endingAt.get(term.end()).add(term));

        int[] fewestPoints = new int[length + 1];
        BannedTerms.Found[] lastTerm = new BannedTerms.Found[length + 1];
        for (int end = 1; end <= length; end++) {
            fewestPoints[end] = fewestPoints[end - 1] + 1;
            for (BannedTerms.Found term : endingAt.get(end)) {
                if (fewestPoints[term.start()] + 1 < fewestPoints[end]) {
                    fewestPoints[end] = fewestPoints[term.start()] + 1;
                    lastTerm[end] = term;
                }
            }
        }

        List<String> counted = new ArrayList<>();
        for (int end = length; end > 0; ) {
            BannedTerms.Found term = lastTerm[end];
            if (term == null) {
                end--;
            } else {
                counted.add(0, term.term());
                end = term.start();
            }
        }
        Set<String> distinct = new LinkedHashSet<>(counted);
        return new EntraScore(fewestPoints[length], List.copyOf(distinct));
    }
}
