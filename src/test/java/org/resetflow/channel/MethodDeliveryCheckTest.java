package org.resetflow.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resetflow.eligibility.MethodDeliveryCheck;
import org.resetflow.eligibility.PolicyProperties;
import org.resetflow.shared.Helpdesk;
import org.resetflow.shared.Method;
import org.resetflow.shared.OrganisationProperties;
import org.springframework.context.support.ResourceBundleMessageSource;

class MethodDeliveryCheckTest {

    private final List<OutgoingMessage> sent = new ArrayList<>();

    private Channels channelsWithEmailOnly() {
        MessageSender email = new MessageSender() {
            @Override
            public Set<Channel> channels() {
                return Set.of(Channel.EMAIL);
            }

            @Override
            public void send(OutgoingMessage message) {
                sent.add(message);
            }
        };
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/channel", "messages/journey");
        messages.setDefaultEncoding("UTF-8");
        OrganisationProperties organisation = new OrganisationProperties("Example Org", null, "https://help.example.org");
        ChannelProperties channels = new ChannelProperties("resetflow@example.org", "",
                new ChannelProperties.Twilio("", "", "", "https://api.twilio.com", Duration.ofSeconds(10)));
        return new Channels(List.of(email), messages, new MailTemplates(channels, messages), organisation, new Helpdesk(organisation, messages),
                sentMessages());
    }

    private static SentMessages sentMessages() {
        javax.sql.DataSource database = org.resetflow.testing.TestDatabases.migratedH2();
        return new SentMessages(org.springframework.jdbc.core.simple.JdbcClient.create(database),
                new org.resetflow.secret.KeyedHasher(new org.resetflow.secret.ServerSecret(new org.resetflow.secret.SecurityProperties(
                        "a-test-secret-that-is-long-enough-0123456789", null))),
                java.time.Clock.systemUTC(), new org.springframework.jdbc.datasource.DataSourceTransactionManager(database));
    }

    private static PolicyProperties policy(Set<Method> methods) {
        return new PolicyProperties(PolicyProperties.Scope.ALL, List.of(), List.of("helpdesk-admins"), 1, methods, true, true);
    }

    @Test
    void startUpFailsWhenAMethodHasNoSender() {
        MethodDeliveryCheck check = new MethodDeliveryCheck(policy(Set.of(Method.EMAIL, Method.SMS, Method.VOICE_OFFICE, Method.QUESTIONS)),
                channelsWithEmailOnly());
        assertThatThrownBy(check::afterPropertiesSet)
                .hasMessageContaining("[SMS, VOICE_OFFICE]")
                .hasMessageContaining("resetflow.policy.methods");
    }

    @Test
    void emailAndQuestionsNeedOnlyAnEmailSender() {
        new MethodDeliveryCheck(policy(Set.of(Method.EMAIL, Method.QUESTIONS)), channelsWithEmailOnly()).afterPropertiesSet();
    }

    @Test
    void aCodeEmailCarriesTheCodeInTheUsersLanguage() {
        channelsWithEmailOnly().sendCode("code-delivery-1:sendCode", Method.EMAIL, "alice.alt@example.org", "12345678", Duration.ofMinutes(10), Locale.GERMAN);
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Example Org: Ihr Bestätigungscode");
            assertThat(message.body()).contains("12345678").contains("10 Minuten")
                    .contains("Wenden Sie sich an den IT-Helpdesk.").contains("https://help.example.org");
            assertThat(message.html()).contains("12345678").contains("<html lang=\"de\"").contains("Ihr Bestätigungscode");
            assertThat(message.toString()).doesNotContain("12345678");
        });
    }
}
