package org.resetflow.passwordpolicy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Undoes the usual disguises of a word in a password, so that {@code P@ssw0rd}, {@code W3lc0me!} and
 * {@code ＳＵＭＭＥＲ} read as {@code password}, {@code welcomei} and {@code summer}. Banned words, names
 * and candidates all pass through here, so they compare like with like.
 */
final class Desubstitution {

    private static final String DIGITS_AND_SYMBOLS = "0345789@$!+|";
    private static final String LETTERS_THEY_STAND_FOR = "oeastbgasiti";

    /**
     * A {@code 1} stands for {@code i} or {@code l}. Up to this many ones, every combination is a
     * variant; beyond it, only all-{@code i} and all-{@code l}, so a string full of ones stays cheap.
     */
    private static final int ONES_COMBINED = 3;

    private Desubstitution() {
    }

    /** Every way the text may be read with its disguises undone: one variant, or more when it contains a {@code 1}. */
    static List<String> variants(String text) {
        char[] letters = fold(text).toCharArray();
        List<Integer> ones = new ArrayList<>();
        for (int i = 0; i < letters.length; i++) {
            int substitute = DIGITS_AND_SYMBOLS.indexOf(letters[i]);
            if (substitute >= 0) {
                letters[i] = LETTERS_THEY_STAND_FOR.charAt(substitute);
            } else if (letters[i] == '1') {
                ones.add(i);
            }
        }
        if (ones.isEmpty()) {
            return List.of(new String(letters));
        }
        if (ones.size() > ONES_COMBINED) {
            return List.of(withOnesAs(letters, ones, k -> false), withOnesAs(letters, ones, k -> true));
        }
        List<String> variants = new ArrayList<>(1 << ones.size());
        for (int combination = 0; combination < 1 << ones.size(); combination++) {
            int bits = combination;
            variants.add(withOnesAs(letters, ones, k -> (bits >>> k & 1) == 1));
        }
        return variants;
    }

    /** Lower case without accents, compatibility forms folded: {@code Ä} and {@code Ａ} become {@code a}. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder withoutMarks = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(codePoint -> !isCombiningMark(codePoint)).forEach(withoutMarks::appendCodePoint);
        return withoutMarks.toString().toLowerCase(Locale.ROOT);
    }

    private static String withOnesAs(char[] letters, List<Integer> ones, IntPredicate kthOneReadsAsL) {
        char[] variant = letters.clone();
        for (int k = 0; k < ones.size(); k++) {
            variant[ones.get(k)] = kthOneReadsAsL.test(k) ? 'l' : 'i';
        }
        return new String(variant);
    }

    private static boolean isCombiningMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
