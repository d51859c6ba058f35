package org.resetflow.passwordpolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;

/**
 * The global and the custom banned lists, combined, in {@linkplain Normalisation normalised} form, and where
 * a normalised password holds one of their terms at an edit distance of at most 1 (one character changed,
 * added or removed), as Microsoft Entra Password Protection's fuzzy matching does.
 *
 * <p>Built once: every term and every way of deleting one of its characters is a key of a map, so a piece of
 * the password is looked up with itself and its own one-character deletions (two strings within one edit
 * share such a key) and the few candidates are then measured exactly. Thread-safe.
 */
final class BannedTerms {

    /** Entra matches terms of at least four characters; shorter entries of a list are ignored. */
    static final int SHORTEST_TERM = 4;

    private static final long BASE = 0x9E3779B97F4A7C15L;
    private static final int[] NO_TERMS = new int[0];

    private final Map<String, String> asWritten;
    private final String[] normalisedTerms;
    private final int[][] termCodePoints;
    /** The hash of each term and of each of its one-character deletions → the indexes of those terms. */
    private final Map<Long, int[]> termsByKey = new HashMap<>();
    private final int shortest;
    private final int longest;

    private BannedTerms(Map<String, int[]> terms, Map<String, String> asWritten) {
        this.asWritten = asWritten;
        this.normalisedTerms = terms.keySet().toArray(String[]::new);
        this.termCodePoints = terms.values().toArray(int[][]::new);
        for (int index = 0; index < termCodePoints.length; index++) {
            int[] term = termCodePoints[index];
            Hashes hashes = new Hashes(term);
            addKey(hashes.of(0, term.length), index);
            for (int skip = 0; skip < term.length; skip++) {
                addKey(hashes.without(0, term.length, skip), index);
            }
        }
        this.shortest = Arrays.stream(termCodePoints).mapToInt(codePoints -> codePoints.length).min().orElse(0);
        this.longest = Arrays.stream(termCodePoints).mapToInt(codePoints -> codePoints.length).max().orElse(0);
    }

    /** The terms of both lists, normalised; blank lines and terms shorter than {@value #SHORTEST_TERM} characters are left out. */
    static BannedTerms of(Collection<String> globalTerms, Collection<String> customTerms) {
        Map<String, int[]> terms = new LinkedHashMap<>();
        Map<String, String> asWritten = new HashMap<>();
        Stream.concat(globalTerms.stream(), customTerms.stream()).map(String::strip).forEach(term -> {
            int[] codePoints = Normalisation.normalise(term);
            String normalised = new String(codePoints, 0, codePoints.length);
            if (codePoints.length >= SHORTEST_TERM && terms.putIfAbsent(normalised, codePoints) == null) {
                asWritten.put(normalised, term);
            }
        });
        return new BannedTerms(terms, asWritten);
    }

    /** Reads the global list (UTF-8, one term a line, {@code #} starts a comment line) and adds the custom terms. */
    static BannedTerms load(Resource globalList, Collection<String> customTerms) {
        return of(read(globalList), customTerms);
    }

    boolean isEmpty() {
        return normalisedTerms.length == 0;
    }

    int size() {
        return normalisedTerms.length;
    }

    /** A normalised term as its list writes it ({@code password1} for {@code passwordl}), to show to people. */
    String asWritten(String normalisedTerm) {
        return asWritten.getOrDefault(normalisedTerm, normalisedTerm);
    }

    /** Whether the whole normalised text is a term: the NIST preset's comparison. */
    boolean isTerm(String normalised) {
        return asWritten.containsKey(normalised);
    }

    /**
     * Every banned term found in the normalised password: for each position and each term, the piece starting there
     * that comes closest to the term (an exact occurrence before a fuzzy one, then the longer piece). So a term found
     * as it is never swallows the character after it, as in Microsoft's example {@code contosoblankf9!}, where
     * {@code blank} is found and {@code f} still counts.
     */
    List<Found> foundIn(int[] password) {
        List<Found> found = new ArrayList<>();
        if (isEmpty()) {
            return found;
        }
        Hashes hashes = new Hashes(password);
        for (int start = 0; start < password.length; start++) {
            Map<Integer, Found> closest = new LinkedHashMap<>();
            for (int length = Math.max(1, shortest - 1); length <= longest + 1 && start + length <= password.length; length++) {
                considerKey(password, start, length, hashes.of(start, start + length), closest);
                for (int skip = start; skip < start + length; skip++) {
                    considerKey(password, start, length, hashes.without(start, start + length, skip), closest);
                }
            }
            found.addAll(closest.values());
        }
        return found;
    }

    private void considerKey(int[] password, int start, int length, long key, Map<Integer, Found> closest) {
        for (int index : termsByKey.getOrDefault(key, NO_TERMS)) {
            int distance = distanceUpToOne(password, start, length, termCodePoints[index]);
            if (distance <= 1) {
                Found candidate = new Found(start, start + length, normalisedTerms[index], distance);
                if (candidate.closerThan(closest.get(index))) {
                    closest.put(index, candidate);
                }
            }
        }
    }

    private void addKey(long key, int index) {
        termsByKey.merge(key, new int[] {index}, (known, added) -> known[known.length - 1] == index ? known : append(known, index));
    }

    private static int[] append(int[] indexes, int index) {
        int[] more = Arrays.copyOf(indexes, indexes.length + 1);
        more[indexes.length] = index;
        return more;
    }

    /** 0 when equal, 1 when one substitution, insertion or deletion apart, otherwise 2. */
    static int distanceUpToOne(int[] text, int from, int length, int[] term) {
        if (Math.abs(length - term.length) > 1) {
            return 2;
        }
        int common = 0;
        int shorter = Math.min(length, term.length);
        while (common < shorter && text[from + common] == term[common]) {
            common++;
        }
        if (common == length && common == term.length) {
            return 0;
        }
        int textSkip = length >= term.length ? 1 : 0;
        int termSkip = term.length >= length ? 1 : 0;
        for (int t = common + textSkip, u = common + termSkip; t < length || u < term.length; t++, u++) {
            if (t >= length || u >= term.length || text[from + t] != term[u]) {
                return 2;
            }
        }
        return 1;
    }

    /**
     * Polynomial hashes of the pieces of a code-point sequence, and of those pieces with one character left out, each
     * in constant time from prefix hashes: a password is looked up without building a string for every piece. Equal
     * sequences hash alike; a collision only costs an exact comparison ({@link #distanceUpToOne}).
     */
    private static final class Hashes {

        private final long[] prefix;
        private final long[] powers;

        Hashes(int[] codePoints) {
            prefix = new long[codePoints.length + 1];
            powers = new long[codePoints.length + 1];
            powers[0] = 1;
            for (int i = 0; i < codePoints.length; i++) {
                prefix[i + 1] = prefix[i] * BASE + codePoints[i] + 1;
                powers[i + 1] = powers[i] * BASE;
            }
        }

        /** The hash of {@code [from, to)}, with its length mixed in. */
        long of(int from, int to) {
            return withLength(raw(from, to), to - from);
        }

        /** The hash of {@code [from, to)} without the character at {@code skip}. */
        long without(int from, int to, int skip) {
            return withLength(raw(from, skip) * powers[to - skip - 1] + raw(skip + 1, to), to - from - 1);
        }

        private long raw(int from, int to) {
            return prefix[to] - prefix[from] * powers[to - from];
        }

        private static long withLength(long hash, int length) {
            return hash * 31 + length;
        }
    }

    private static List<String> read(Resource list) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the banned-password list " + list.getDescription()
                    + " (resetflow.password-policy.banned-passwords)", e);
        }
    }

    /**
     * A banned term found in the normalised password at {@code [start, end)}.
     *
     * @param distance 0 for an exact occurrence, 1 for a fuzzy one
     */
    record Found(int start, int end, String term, int distance) {

        boolean closerThan(Found other) {
            return other == null || distance < other.distance || distance == other.distance && end > other.end;
        }
    }
}
