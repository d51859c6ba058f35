package org.resetflow.directory.embedded;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.embedded-directories.*}: the two in-memory directories of the self-contained demo.
 *
 * @param enabled                          start them inside the application (default false)
 * @param dataDirectory                    where their LDIF files live, so changes survive a restart
 * @param cloudPort                        port of the cloud directory (0 picks a free one, for tests)
 * @param onPremisesPort                   port of the on-premises directory (0 picks a free one, for tests)
 * @param bindAddress                      address both listen on
 * @param onPremisesMinimumPasswordLength  the on-premises policy's minimum password length
 * @param onPremisesPasswordHistory        how many recent passwords, the current one included, the on-premises policy refuses (0: none)
 */
@Validated
@ConfigurationProperties("resetflow.embedded-directories")
public record EmbeddedDirectoryProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("./data/directories") @NotNull Path dataDirectory,
        @DefaultValue("1389") @Min(0) @Max(65535) int cloudPort,
        @DefaultValue("2389") @Min(0) @Max(65535) int onPremisesPort,
        @DefaultValue("127.0.0.1") @NotBlank String bindAddress,
        @DefaultValue("8") @Min(1) int onPremisesMinimumPasswordLength,
        @DefaultValue("5") @Min(0) int onPremisesPasswordHistory) {

}
