package org.resetflow.passwordpolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.passay.PasswordData;
import org.passay.Rule;
import org.passay.RuleResult;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.core.io.Resource;

/**
 * Common passwords and banned words, found anywhere in a password with Passay's dictionary substring
 * rule. Words and passwords are compared in their {@linkplain Desubstitution de-substituted} forms, so
 * {@code P@ssw0rd2024!} contains {@code password}. Built once: lookups are binary searches.
 */
final class BannedWords {

    /** Shorter words would refuse too many good passwords: every "love" in "glove". */
    static final int SHORTEST_WORD = 4;

    private final Rule rule;
    private final int wordCount;

    private BannedWords(Set<String> readings, int wordCount) {
        this.wordCount = wordCount;
        if (readings.isEmpty()) {
            this.rule = null;
        } else {
            int longest = readings.stream().mapToInt(String::length).max().orElseThrow();
            int shortest = readings.stream().mapToInt(String::length).min().orElseThrow();
            ArrayWordList sorted = new ArrayWordList(readings.toArray(String[]::new), true, new ArraysSort());
            this.rule = new BoundedDictionarySubstringRule(new WordListDictionary(sorted), shortest, longest);
        }
    }

    /** Reads the list (UTF-8, one word a line, {@code #} comment lines) and adds the additional words. */
    static BannedWords load(Resource list, Collection<String> additionalWords) {
        Set<String> words = new TreeSet<>();
        Stream.concat(read(list).stream(), additionalWords.stream())
                .map(Desubstitution::fold)
                .map(String::strip)
                .filter(word -> word.codePointCount(0, word.length()) >= SHORTEST_WORD)
                .forEach(words::add);
        Set<String> readings = new TreeSet<>();
        words.forEach(word -> readings.addAll(Desubstitution.variants(word)));
        return new BannedWords(readings, words.size());
    }

    boolean isEmpty() {
        return rule == null;
    }

    /** How many words of {@value #SHORTEST_WORD} characters or more are banned. */
    int size() {
        return wordCount;
    }

    /** True when any variant of the password contains a banned word. */
    boolean foundInAny(List<String> passwordVariants) {
        if (rule == null) {
            return false;
        }
        for (String variant : passwordVariants) {
            RuleResult result = rule.validate(new PasswordData(variant));
            if (result.getDetails().stream().map(PassayCodes::toPasswordRule).anyMatch(PasswordRule.BANNED_WORD::equals)) {
                return true;
            }
        }
        return false;
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
}
