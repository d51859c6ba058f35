package org.resetflow.passwordpolicy;

import org.passay.DictionarySubstringRule;
import org.passay.dictionary.Dictionary;

/**
 * Passay's {@link DictionarySubstringRule}, looking up only substrings as long as a dictionary word can
 * be. Passay looks up every substring of every length, which is quadratic in the password's length;
 * this is linear in it, for the same answers.
 */
final class BoundedDictionarySubstringRule extends DictionarySubstringRule {

    private final int shortestWord;
    private final int longestWord;

    BoundedDictionarySubstringRule(Dictionary dictionary, int shortestWord, int longestWord) {
        super(dictionary);
        this.shortestWord = shortestWord;
        this.longestWord = longestWord;
    }

    @Override
    protected String doWordSearch(String text) {
        for (int length = shortestWord; length <= Math.min(longestWord, text.length()); length++) {
            for (int start = 0; start + length <= text.length(); start++) {
                String substring = text.substring(start, start + length);
                if (getDictionary().search(substring)) {
                    return substring;
                }
            }
        }
        return null;
    }
}
