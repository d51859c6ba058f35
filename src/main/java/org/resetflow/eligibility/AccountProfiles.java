package org.resetflow.eligibility;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.resetflow.directory.Account;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.directory.IdentitySource;
import org.resetflow.directory.OnPremisesDirectory;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.shared.Method;
import org.resetflow.verification.RecoveryMethods;
import org.springframework.stereotype.Component;

/** Builds the {@link AccountProfile} of a username: from the directory and the registration, or a decoy. */
@Component
public class AccountProfiles {

    private final CloudDirectory cloud;
    private final OnPremisesDirectory onPremises;
    private final RecoveryMethods recoveryMethods;
    private final RecoveryRegistrations registrations;
    private final RegistrationProperties registration;
    private final PolicyProperties policy;
    private final DecoyMethods decoyMethods;

    public AccountProfiles(CloudDirectory cloud, OnPremisesDirectory onPremises, RecoveryMethods recoveryMethods,
                           RecoveryRegistrations registrations, RegistrationProperties registration, PolicyProperties policy,
                           DecoyMethods decoyMethods) {
        this.cloud = cloud;
        this.onPremises = onPremises;
        this.recoveryMethods = recoveryMethods;
        this.registrations = registrations;
        this.registration = registration;
        this.policy = policy;
        this.decoyMethods = decoyMethods;
    }

    public AccountProfile profile(String typedUsername) {
        Optional<Account> found = cloud.findAccount(typedUsername);
        if (found.isEmpty()) {
            probeOnPremises(typedUsername);
            return decoy(typedUsername);
        }
        Account account = found.get();
        Set<String> groups = cloud.groupsOf(account);
        List<Method> registered = recoveryMethods.registered(account).keySet().stream()
                .filter(policy.methods()::contains)
                .toList();
        String accountKey = RecoveryRegistrations.accountKey(account.username());
        boolean reconfirmationDue = registrations.needsReconfirmation(registrations.find(accountKey), registration.reconfirmAfterDays());
        // Only an account whose password would be written back can be protected on-premises.
        boolean protectedAccount = false;
        if (account.identitySource().isOnPremises() && policy.writebackEnabled()) {
            protectedAccount = onPremises.isProtected(account);
        } else {
            probeOnPremises(account.username());
        }
        return new AccountProfile(account.username(), accountKey, true,
                account.identitySource(), isMemberOfAny(groups, policy.administratorGroups()),
                isMemberOfAny(groups, policy.scopeGroups()), registered, reconfirmationDue, protectedAccount);
    }

    /**
     * With writeback on, every look-up asks the on-premises directory as a synced account's does: an unknown
     * username or a cloud account then takes as long, and waits out an on-premises outage the same way, so neither
     * the time of an answer nor an outage tells a synced account from one that does not exist.
     */
    private void probeOnPremises(String username) {
        if (policy.writebackEnabled()) {
            onPremises.probe(username == null ? "" : username.trim());
        }
    }

    private static boolean isMemberOfAny(Set<String> groups, Collection<String> groupNames) {
        return groupNames.stream().anyMatch(name -> groups.stream().anyMatch(group -> group.equalsIgnoreCase(name)));
    }

    /** A stand-in for a username that does not exist, or for an account whose real outcome must stay hidden. */
    public AccountProfile decoy(String typedUsername) {
        String key = typedUsername == null ? "" : typedUsername.trim().toLowerCase(Locale.ROOT);
        return new AccountProfile(typedUsername, key, false, IdentitySource.CLOUD, false, true, decoyMethods.forAccountKey(key), false, false);
    }
}
