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
 * @param bannedPasswords       list of common passwords and base words, one per line, {@code #} starts a
 *                              comment line; default {@code classpath:passwordpolicy/banned-passwords.txt}.
 *                              Entries shorter than 4 characters are ignored
 * @param additionalBannedWords organisation-specific words to refuse as well, such as the company or
 *                              product names, at least 4 characters each; default none
 * @param rejectNames           refuse passwords that contain the username, the given name or the surname
 *                              (names of 3 characters or more, ignoring case); default true
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
        @DefaultValue List<@NotNull @Size(min = 4, message = "each additional banned word needs at least 4 characters") String> additionalBannedWords,
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
