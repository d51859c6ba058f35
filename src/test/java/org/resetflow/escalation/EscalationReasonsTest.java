package org.resetflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every reason the models can hand a journey to the helpdesk with reads as words in the helpdesk's task. */
class EscalationReasonsTest {

    /** A rule of the eligibility table that escalates, up to its reason (the fourth output). */
    private static final Pattern HELPDESK_RULE = Pattern.compile(
            "<outputEntry id=\"(rule_\\d+)_out_0\"><text>\"HELPDESK\"</text></outputEntry>.*?<outputEntry id=\"\\1_out_3\"><text>\"([A-Z_]+)\"</text>",
            Pattern.DOTALL);
    /** A reason a process records on the journey itself. */
    private static final Pattern RECORDED_REASON = Pattern.compile("'eligibilityReason',\\s*'([A-Z_]+)'");

    private final EscalationReasons reasons = new EscalationReasons(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/helpdesk");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void everyReasonOfThePolicyAndTheModelsHasASentence() throws IOException {
        Set<String> codes = new TreeSet<>();
        Matcher rules = HELPDESK_RULE.matcher(Files.readString(Path.of("processes/eligibility.dmn")));
        while (rules.find()) {
            codes.add(rules.group(2));
        }
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                Matcher recorded = RECORDED_REASON.matcher(Files.readString(model));
                while (recorded.find()) {
                    codes.add(recorded.group(1));
                }
            }
        }

        assertThat(codes).contains("NOT_REGISTERED", "TOO_FEW_METHODS", "PROTECTED_ACCOUNT", "NO_METHOD_DELIVERED");
        for (String code : codes) {
            assertThat(reasons.sentence(code)).as(code).doesNotContain(code).doesNotStartWith("reason ").isNotBlank();
        }
        assertThat(reasons.sentence("NOT_REGISTERED")).isEqualTo("no recovery information registered");
    }

    @Test
    void aReasonWithoutASentenceYetReadsAsItsCodeAndNoneAsNone() {
        assertThat(reasons.sentence("NEW_RULE")).isEqualTo("reason NEW_RULE");
        assertThat(reasons.sentence(null)).isEqualTo("no reason recorded");
        assertThat(reasons.sentence(" ")).isEqualTo("no reason recorded");
    }
}
