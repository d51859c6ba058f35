package org.resetflow.recoveryinfo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.security-answers.*}: how security answers are hashed (Argon2id) and how many may wait for a
 * hashing thread. The cost may only go up from OWASP's minimum for Argon2id (m=19 MiB, t=2, p=1, Password Storage
 * Cheat Sheet); a value below it stops the start.
 *
 * @param memoryKib     Argon2id memory per hash in KiB (19456 = 19 MiB; at most 1 GiB)
 * @param iterations    Argon2id passes over that memory (2; at most 64)
 * @param parallelism   Argon2id lanes (1; at most 16)
 * @param queueCapacity how many submitted answers (one step's answers together) may wait for a hashing thread (16);
 *                      when that many wait, new ones are refused with "try again"
 */
@Validated
@ConfigurationProperties("resetflow.security-answers")
public record SecurityAnswersProperties(
        @DefaultValue("19456") @Max(1_048_576) int memoryKib,
        @DefaultValue("2") @Max(64) int iterations,
        @DefaultValue("1") @Max(16) int parallelism,
        @DefaultValue("16") @Min(1) @Max(10_000) int queueCapacity) {

    /** OWASP Password Storage Cheat Sheet, Argon2id: m=19 MiB, t=2, p=1. */
    public static final int OWASP_MEMORY_KIB = 19_456;
    public static final int OWASP_ITERATIONS = 2;
    public static final int OWASP_PARALLELISM = 1;

    public static final SecurityAnswersProperties DEFAULTS = new SecurityAnswersProperties(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM, 16);

    public SecurityAnswersProperties {
        if (memoryKib < OWASP_MEMORY_KIB || iterations < OWASP_ITERATIONS || parallelism < OWASP_PARALLELISM) {
            throw new IllegalArgumentException(("resetflow.security-answers: Argon2id with memory-kib=%d, iterations=%d, parallelism=%d is "
                    + "below OWASP's minimum for security answers (memory-kib=%d, iterations=%d, parallelism=%d). Raise the values, or remove "
                    + "them for the minimum.").formatted(memoryKib, iterations, parallelism, OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM));
        }
    }
}
