package org.resetflow.passwordpolicy;

/**
 * Step 1 of Microsoft Entra Password Protection: lower case, then the documented substitutions {@code 0→o},
 * {@code 1→l}, {@code $→s}, {@code @→a}, and nothing else. Passwords, banned terms and names all pass through
 * here, so they compare like with like; each character stays one character, so positions and counts hold.
 */
final class Normalisation {

    private static final String SUBSTITUTED = "01$@";
    private static final String SUBSTITUTES = "olsa";

    private Normalisation() {
    }

    /** The text as code points, lower case (independent of the default locale), with the documented substitutions. */
    static int[] normalise(String text) {
        return text.codePoints().map(Normalisation::normalise).toArray();
    }

    static String normalised(String text) {
        int[] codePoints = normalise(text);
        return new String(codePoints, 0, codePoints.length);
    }

    private static int normalise(int codePoint) {
        int lower = Character.toLowerCase(codePoint);
        int substituted = lower < Character.MIN_SUPPLEMENTARY_CODE_POINT ? SUBSTITUTED.indexOf(lower) : -1;
        return substituted < 0 ? lower : SUBSTITUTES.charAt(substituted);
    }

    /** Code points counted, not UTF-16 units: the terms' limits and the score count characters as people do. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
