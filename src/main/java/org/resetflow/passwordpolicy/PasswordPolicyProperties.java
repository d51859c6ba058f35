package org.resetflow.passwordpolicy;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.password-policy.*}: the rules a new password must meet.
 *
 * @param minLength             fewest characters (code points) a password may have; default 8, at least 6
 * @param maxLength             most characters a password may have; default 128, at most 256 (Active
 *                              Directory refuses longer passwords)
 * @param characterClasses      of the four classes upper case, lower case, digits and symbols, how many a
 *                              password must use; default 3, from 1 to 4. Letters outside ASCII count by
 *                              their case (Ä is upper case); spaces count toward no class
 * @param bannedPasswords       the global banned list, one term per line, {@code #} starts a comment line; default
 *                              {@code classpath:passwordpolicy/banned-passwords.txt} (its origin and licence are in
 *                              {@code banned-passwords.SOURCE.md} beside it). Entries shorter than 4 characters are ignored
 * @param additionalBannedWords the custom banned list: organisation-specific terms such as company, product or place
 *                              names; at most 1,000 terms of 4 to 16 characters, case-insensitive (Entra's limits);
 *                              default none
 * @param rejectNames           refuse passwords that contain the user's first or last name or the organisation's
 *                              name (names of 4 characters or more); default true
 * @param rejectCurrentPassword refuse the current password, found out by a bind to the cloud directory with the
 *                              new password; default true. Turn it off where a failed bind counts towards the
 *                              directory's own lock-out
 */
@Validated
@ConfigurationProperties("resetflow.password-policy")
public record PasswordPolicyProperties(
        @DefaultValue("8") @Min(6) int minLength,
        @DefaultValue("128") @Max(256) int maxLength,
        @DefaultValue("3") @Min(1) @Max(4) int characterClasses,
        @DefaultValue("classpath:passwordpolicy/banned-passwords.txt") @NotNull Resource bannedPasswords,
        @DefaultValue @Size(max = 1000, message = "the custom banned list holds at most 1000 terms (Microsoft Entra's limit)")
        List<@NotNull @Size(min = 4, max = 16, message = "each additional banned word needs at least 4 characters and at most 16")
                String> additionalBannedWords,
        @DefaultValue("true") boolean rejectNames,
        @DefaultValue("true") boolean rejectCurrentPassword) {

    public PasswordPolicyProperties {
        additionalBannedWords = additionalBannedWords == null ? List.of() : List.copyOf(additionalBannedWords);
    }

    @AssertTrue(message = "min-length must not be greater than max-length")
    boolean isLengthRangeValid() {
        return minLength <= maxLength;
    }
}
