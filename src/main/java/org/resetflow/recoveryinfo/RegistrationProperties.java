package org.resetflow.recoveryinfo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.registration.*}.
 *
 * @param questionsToRegister how many security questions a user answers when registering (3; at most 5)
 * @param reconfirmAfterDays  after how many days users are asked to review their recovery information (180)
 * @param questions           the ids of the questions users choose from; each needs a text
 *                            {@code question.<id>} in the message bundles (the built-in catalogue)
 */
@Validated
@ConfigurationProperties("resetflow.registration")
public record RegistrationProperties(
        @DefaultValue("3") @Min(1) @Max(5) int questionsToRegister,
        @DefaultValue("180") @Min(1) int reconfirmAfterDays,
        @DefaultValue({"first-pet", "birth-city", "first-school", "childhood-friend", "first-car",
                "favourite-teacher", "childhood-street", "first-concert", "first-job-town", "grandmother-name"})
        @NotEmpty List<String> questions) {

    public RegistrationProperties {
        questions = List.copyOf(questions);
        if (questions.size() < questionsToRegister) {
            throw new IllegalArgumentException("resetflow.registration.questions lists " + questions.size()
                    + " questions but users must register " + questionsToRegister);
        }
        if (questions.stream().distinct().count() != questions.size()) {
            throw new IllegalArgumentException("resetflow.registration.questions has duplicates");
        }
    }
}
