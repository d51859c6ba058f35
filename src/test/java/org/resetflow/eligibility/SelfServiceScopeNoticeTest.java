package org.resetflow.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resetflow.shared.Method;

/** A start with self-service off says how to enable it; a start with a scope says nothing. */
class SelfServiceScopeNoticeTest {

    private static PolicyProperties policy(PolicyProperties.Scope scope, List<String> groups) {
        return new PolicyProperties(scope, groups, List.of("helpdesk-admins"), 1, Set.of(Method.EMAIL), true, true);
    }

    @Test
    void selfServiceOffNamesTheSettingsThatEnableIt() {
        assertThat(new SelfServiceScopeNotice(policy(PolicyProperties.Scope.NONE, List.of())).notice()).hasValueSatisfying(notice ->
                assertThat(notice).contains("resetflow.policy.scope=none").contains("resetflow.policy.scope=groups")
                        .contains("resetflow.policy.scope-groups").contains("resetflow.policy.scope=all"));
    }

    @Test
    void aScopeForGroupsOrAllNeedsNoNotice() {
        assertThat(new SelfServiceScopeNotice(policy(PolicyProperties.Scope.GROUPS, List.of("sspr-users"))).notice()).isEmpty();
        assertThat(new SelfServiceScopeNotice(policy(PolicyProperties.Scope.ALL, List.of())).notice()).isEmpty();
    }
}
