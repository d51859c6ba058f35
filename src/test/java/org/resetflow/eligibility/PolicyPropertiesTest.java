package org.resetflow.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.resetflow.shared.Method;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

class PolicyPropertiesTest {

    private static final ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void closeValidatorFactory() {
        validatorFactory.close();
    }

    private static PolicyProperties bind(Map<String, String> settings) {
        Binder binder = new Binder(new MapConfigurationPropertySource(settings));
        return binder.bindOrCreate("resetflow.policy", Bindable.of(PolicyProperties.class),
                new ValidationBindHandler(new SpringValidatorAdapter(validatorFactory.getValidator())));
    }

    @Test
    void hasDocumentedDefaults() {
        PolicyProperties policy = bind(Map.of());

        assertThat(policy.scope()).as("self-service is off until an administrator enables it").isEqualTo(PolicyProperties.Scope.NONE);
        assertThat(policy.scopeValue()).as("as the decision table reads it").isEqualTo("none");
        assertThat(policy.scopeGroups()).isEmpty();
        assertThat(policy.administratorGroups()).containsExactly("helpdesk-admins");
        assertThat(policy.userGates()).isEqualTo(1);
        assertThat(policy.methods()).containsExactlyInAnyOrder(Method.values());
        assertThat(policy.writebackEnabled()).isTrue();
    }

    @Test
    void bindsAScopeOfGroupsAndTwoGates() {
        PolicyProperties policy = bind(Map.of(
                "resetflow.policy.scope", "groups",
                "resetflow.policy.scope-groups", "sspr-users,contractors",
                "resetflow.policy.user-gates", "2",
                "resetflow.policy.methods", "EMAIL,QUESTIONS"));

        assertThat(policy.scopeValue()).isEqualTo("groups");
        assertThat(policy.scopeGroups()).containsExactly("sspr-users", "contractors");
        assertThat(policy.userGates()).isEqualTo(2);
        assertThat(policy.methods()).containsExactlyInAnyOrder(Method.EMAIL, Method.QUESTIONS);
    }

    @Test
    void refusesAScopeOfGroupsWithoutAGroup() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.policy.scope", "groups")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("resetflow.policy.scope=groups needs at least one group in resetflow.policy.scope-groups");
    }

    @Test
    void refusesMethodsOfWhichNoneSendsACode() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.policy.methods", "QUESTIONS")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("resetflow.policy.methods must enable at least one method that sends a code");
    }

    @Test
    void refusesGatesOtherThanOneOrTwo() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.policy.user-gates", "3"))).cause().hasMessageContaining("userGates");
        assertThatThrownBy(() -> bind(Map.of("resetflow.policy.user-gates", "0"))).cause().hasMessageContaining("userGates");
    }

    @Test
    void refusesAMethodItDoesNotKnow() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.policy.methods", "EMAIL,CARRIER_PIGEON")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("resetflow.policy.methods");
    }

    @Test
    void keepsItsOwnCopiesOfTheGroups() {
        List<String> groups = new ArrayList<>(List.of("sspr-users"));
        PolicyProperties policy = new PolicyProperties(PolicyProperties.Scope.GROUPS, groups, List.of("helpdesk-admins"), 1,
                Set.of(Method.EMAIL), true, true);

        groups.clear();

        assertThat(policy.scopeGroups()).containsExactly("sspr-users");
    }
}
