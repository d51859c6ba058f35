package org.resetflow.recoveryinfo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters an encoded Argon2 hash was made with ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}): what it
 * costs to check an answer against it. Read from the hash itself, as the encoder reads them to check it.
 */
record Argon2Cost(String type, int version, int memoryKib, int iterations, int parallelism, int saltChars, int hashChars) {

    private static final Pattern ENCODED = Pattern.compile("^\\$(argon2(?:id|i|d))\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([^$]+)\\$([^$]+)$");

    static Optional<Argon2Cost> of(String encoded) {
        Matcher matcher = encoded == null ? null : ENCODED.matcher(encoded);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Argon2Cost(matcher.group(1), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)), matcher.group(6).length(), matcher.group(7).length()));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** Memory blocks (KiB) filled over all passes: the work of a check, which takes time in proportion to it. */
    long blocks() {
        return (long) memoryKib * iterations;
    }
}
