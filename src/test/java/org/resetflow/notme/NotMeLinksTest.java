package org.resetflow.notme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

class NotMeLinksTest {

    private static final NotMeLinks.Binding ALICE_RESET = new NotMeLinks.Binding("alice", "alice", "flow-1", "journey-1", "PASSWORD_RESET");
    private static final String BASE = "https://password.example.org";

    private final MutableClock clock = MutableClock.atSomeMoment();
    private DataSource dataSource;
    private NotMeLinks links;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabases.migratedH2();
        links = links("a-test-secret-that-is-long-enough-0123456789");
    }

    private NotMeLinks links(String secret) {
        return new NotMeLinks(JdbcClient.create(dataSource), new KeyedHasher(new ServerSecret(new SecurityProperties(secret, null))), clock,
                new NotMeProperties(Duration.ofDays(7)), new PortalLinkProperties(BASE + "/"));
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aLinkLeadsToThePortalWithARandomTokenOfItsOwn() {
        String first = links.issue(ALICE_RESET);
        String second = links.issue(ALICE_RESET);

        assertThat(first).matches("https://password\\.example\\.org/not-me/[A-Za-z0-9_-]{43}");
        assertThat(token(second)).isNotEqualTo(token(first));
    }

    @Test
    void onlyTheKeyedHashOfTheTokenIsKept() {
        String token = token(links.issue(ALICE_RESET));

        List<Map<String, Object>> rows = JdbcClient.create(dataSource).sql("SELECT * FROM rf_not_me_link").query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(token));
            assertThat(row.get("TOKEN_HASH").toString()).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void aLinkCanBeUsedOnceAndTellsWhatItWasBoundToAndWhenItWasSent() {
        String token = token(links.issue(ALICE_RESET));
        var sent = clock.instant();
        clock.advance(Duration.ofHours(2));

        assertThat(links.usable(token)).isTrue();
        assertThat(links.use(token)).hasValueSatisfying(used -> {
            assertThat(used.binding()).isEqualTo(ALICE_RESET);
            assertThat(used.issuedAt()).isEqualTo(sent);
        });

        assertThat(links.usable(token)).isFalse();
        assertThat(links.use(token)).isEmpty();
    }

    @Test
    void lookingAtALinkDoesNotUseItUp() {
        String token = token(links.issue(ALICE_RESET));

        links.usable(token);
        links.usable(token);

        assertThat(links.use(token)).isPresent();
    }

    @Test
    void aLinkExpiresAfterItsLifetime() {
        String token = token(links.issue(ALICE_RESET));

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(links.usable(token)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(links.usable(token)).isFalse();
        assertThat(links.use(token)).isEmpty();
    }

    @Test
    void unknownMalformedAndForeignTokensAreNotUsable() {
        String token = token(links.issue(ALICE_RESET));
        String unknown = "A".repeat(43);

        for (String candidate : new String[] {unknown, null, "", "short", token + "x", token.substring(1) + ".", token.toUpperCase() + "'--"}) {
            assertThat(links.usable(candidate)).as(String.valueOf(candidate)).isFalse();
            assertThat(links.use(candidate)).as(String.valueOf(candidate)).isEmpty();
        }
        assertThat(links("another-test-secret-that-is-long-enough-9876").usable(token)).as("under another server secret").isFalse();
        assertThat(links.usable(token)).as("the real link is untouched").isTrue();
    }

    @Test
    void aJourneyIsReportedOnceEvenWhenItsNoticeCarriedSeveralLinks() {
        String first = token(links.issue(ALICE_RESET));
        String again = token(links.issue(ALICE_RESET));
        String otherJourney = token(links.issue(new NotMeLinks.Binding("alice", "alice", "flow-2", "journey-2", "ACCOUNT_UNLOCKED")));

        assertThat(links.use(again)).isPresent();

        assertThat(links.usable(first)).isFalse();
        assertThat(links.usable(otherJourney)).isTrue();
    }

    @Test
    void expiredLinksAreForgottenUsedOrNot() {
        String used = token(links.issue(ALICE_RESET));
        links.use(used);
        links.issue(ALICE_RESET);
        clock.advance(Duration.ofDays(6));
        String recent = token(links.issue(new NotMeLinks.Binding("bob", "bob", "flow-3", "journey-3", "PASSWORD_RESET")));
        clock.advance(Duration.ofDays(1));

        assertThat(links.purgeExpired()).isEqualTo(2);
        assertThat(links.usable(recent)).isTrue();
    }

    @Test
    void theLifetimeIsPositiveAndAtMostThirtyDays() {
        assertThat(new NotMeProperties(Duration.ofDays(30)).linkLifetime()).isEqualTo(Duration.ofDays(30));
        for (Duration wrong : List.of(Duration.ZERO, Duration.ofMinutes(-1), Duration.ofDays(31))) {
            assertThatThrownBy(() -> new NotMeProperties(wrong)).as(wrong.toString()).hasMessageContaining("resetflow.not-me.link-lifetime");
        }
    }

    @Test
    void thePortalsBaseUrlIsAnAbsoluteHttpUrl() {
        assertThat(new PortalLinkProperties("http://localhost:8080").link("/not-me/x")).isEqualTo("http://localhost:8080/not-me/x");
        assertThat(new PortalLinkProperties("https://example.org/password/").link("/not-me/x")).isEqualTo("https://example.org/password/not-me/x");
        for (String wrong : List.of("/portal", "password.example.org", "ftp://example.org", "https://example.org/?a=b", "https://example.org/#top",
                "https://user@example.org", "https://exa mple.org")) {
            assertThatThrownBy(() -> new PortalLinkProperties(wrong)).as(wrong).hasMessageContaining("resetflow.portal.base-url");
        }
    }
}
