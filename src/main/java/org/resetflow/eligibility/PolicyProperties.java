package org.resetflow.eligibility;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.resetflow.shared.Method;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.policy.*}: who may reset, how many proofs it takes, with which methods. These values are
 * inputs of the eligibility decision table ({@code processes/eligibility.dmn}), which process owners can change.
 *
 * @param scope               who may use self-service: {@code none}, {@code groups} (members of {@code scopeGroups}) or
 *                            {@code all} (none: self-service is off until an administrator enables it, as in Entra)
 * @param scopeGroups         the groups whose members may use self-service when {@code scope=groups} (empty)
 * @param administratorGroups members of these groups are administrators: two gates, never security questions ([helpdesk-admins])
 * @param userGates           proofs ordinary users must pass: 1 or 2 (1)
 * @param methods             the methods offered at all ([EMAIL, SMS, VOICE_MOBILE, VOICE_OFFICE, QUESTIONS, AUTHENTICATOR_APP,
 *                            PASSKEY]); an authenticator app also needs {@code resetflow.authenticator-app.enabled}, a passkey
 *                            {@code resetflow.passkey.enabled}
 * @param writebackEnabled    whether passwords of synced and federated accounts are written back on-premises (true);
 *                            when false those accounts are refused and sent to their on-premises tools
 * @param strongMethodRequired the enrolled-factor rule (true): a user who registered a strong method (an authenticator
 *                            app, a passkey) must prove one gate with it; one who cannot goes to the helpdesk, never falls back
 *                            to email, text or questions alone
 */
@Validated
@ConfigurationProperties("resetflow.policy")
public record PolicyProperties(
        @DefaultValue("none") @NotNull Scope scope,
        @DefaultValue({}) List<String> scopeGroups,
        @DefaultValue("helpdesk-admins") List<String> administratorGroups,
        @DefaultValue("1") @Min(1) @Max(2) int userGates,
        @DefaultValue({"EMAIL", "SMS", "VOICE_MOBILE", "VOICE_OFFICE", "QUESTIONS", "AUTHENTICATOR_APP", "PASSKEY"}) @NotEmpty Set<Method> methods,
        @DefaultValue("true") boolean writebackEnabled,
        @DefaultValue("true") boolean strongMethodRequired) {

    public enum Scope { NONE, GROUPS, ALL }

    public PolicyProperties {
        scopeGroups = List.copyOf(scopeGroups);
        administratorGroups = List.copyOf(administratorGroups);
        methods = methods.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(methods));
        if (scope == Scope.GROUPS && scopeGroups.isEmpty()) {
            throw new IllegalArgumentException("resetflow.policy.scope=groups needs at least one group in resetflow.policy.scope-groups");
        }
        if (methods.stream().filter(Method::sendsCode).count() < 1) {
            throw new IllegalArgumentException("resetflow.policy.methods must enable at least one method that sends a code");
        }
    }

    public String scopeValue() {
        return scope.name().toLowerCase(java.util.Locale.ROOT);
    }
}
