package org.resetflow.passwordpolicy;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.password-policy.*}: the rules a new password must meet.
 *
 * @param preset                how the banned lists and names are checked, and the defaults of the length and
 *                              character-class settings: {@code entra} (default) or {@code nist}
 * @param minLength             fewest characters (code points) a password may have; at least 6. Default 8 with
 *                              {@code entra}; 15 with {@code nist}, or 8 when {@code single-factor} is false
 * @param maxLength             most characters a password may have; default 128, at most 256 (Active
 *                              Directory refuses longer passwords), at least 64 with {@code nist}
 * @param characterClasses      of the four classes upper case, lower case, digits and symbols, how many a
 *                              password must use, 0 (none) to 4; default 3 with {@code entra}, 0 with {@code nist}
 *                              (which forbids composition rules). Letters outside ASCII count by their case
 *                              (Ä is upper case); spaces count toward no class
 * @param bannedPasswords       the global banned list, one term per line, {@code #} starts a comment line; default
 *                              {@code classpath:passwordpolicy/banned-passwords.txt} (its origin and licence are in
 *                              {@code banned-passwords.SOURCE.md} beside it). Entries shorter than 4 characters are ignored
 * @param additionalBannedWords the custom banned list: organisation-specific terms such as company, product or place
 *                              names; at most 1,000 terms of 4 to 16 characters, case-insensitive (Entra's limits);
 *                              default none
 * @param rejectNames           refuse passwords built on the user's first or last name or the organisation's name
 *                              (with {@code nist}: equal to them or to the username); default true
 * @param rejectCurrentPassword refuse the current password, found out by a bind to the cloud directory with the
 *                              new password; default true. Turn it off where a failed bind counts towards the
 *                              directory's own lock-out
 * @param singleFactor          whether the password is the only factor when users sign in; with {@code nist} it sets
 *                              the minimum length to 15 (true, default) or 8 (false); ignored with {@code entra}
 */
@Validated
@ConfigurationProperties("resetflow.password-policy")
public record PasswordPolicyProperties(
        @DefaultValue("entra") @NotNull PasswordPreset preset,
        @Min(6) Integer minLength,
        @Max(256) Integer maxLength,
        @Min(0) @Max(4) Integer characterClasses,
        @DefaultValue("classpath:passwordpolicy/banned-passwords.txt") @NotNull Resource bannedPasswords,
        @DefaultValue @Size(max = 1000, message = "the custom banned list holds at most 1000 terms (Microsoft Entra's limit)")
        List<@NotNull @Size(min = 4, max = 16, message = "each additional banned word needs at least 4 characters and at most 16")
                String> additionalBannedWords,
        @DefaultValue("true") boolean rejectNames,
        @DefaultValue("true") boolean rejectCurrentPassword,
        @DefaultValue("true") boolean singleFactor) {

    @ConstructorBinding
    public PasswordPolicyProperties {
        preset = preset == null ? PasswordPreset.ENTRA : preset;
        minLength = minLength == null ? preset.minLength(singleFactor) : minLength;
        maxLength = maxLength == null ? preset.maxLength() : maxLength;
        characterClasses = characterClasses == null ? preset.characterClasses() : characterClasses;
        additionalBannedWords = additionalBannedWords == null ? List.of() : List.copyOf(additionalBannedWords);
    }

    /** The Entra preset with these settings, as before presets existed. */
    public PasswordPolicyProperties(int minLength, int maxLength, int characterClasses, Resource bannedPasswords,
                                    List<String> additionalBannedWords, boolean rejectNames, boolean rejectCurrentPassword) {
        this(PasswordPreset.ENTRA, minLength, maxLength, characterClasses, bannedPasswords, additionalBannedWords,
                rejectNames, rejectCurrentPassword, true);
    }

    @AssertTrue(message = "min-length must not be greater than max-length")
    boolean isLengthRangeValid() {
        return minLength <= maxLength;
    }

    @AssertTrue(message = "the nist preset imposes no composition rules: leave character-classes unset or 0")
    boolean isWithoutCompositionRulesForNist() {
        return preset != PasswordPreset.NIST || characterClasses == 0;
    }

    @AssertTrue(message = "the nist preset needs min-length of at least 15 when the password is the only factor (single-factor: true), and at least 8 otherwise")
    boolean isMinLengthEnoughForNist() {
        return preset != PasswordPreset.NIST || minLength >= preset.minLength(singleFactor);
    }

    @AssertTrue(message = "the nist preset needs max-length of at least 64")
    boolean isMaxLengthEnoughForNist() {
        return preset != PasswordPreset.NIST || maxLength >= PasswordPreset.NIST_MAX_LENGTH_AT_LEAST;
    }
}
