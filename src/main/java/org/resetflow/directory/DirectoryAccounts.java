package org.resetflow.directory;

import org.springframework.stereotype.Component;

/** The account a journey is about, as the cloud directory knows it now. */
@Component
public class DirectoryAccounts {

    private final CloudDirectory cloud;

    public DirectoryAccounts(CloudDirectory cloud) {
        this.cloud = cloud;
    }

    /** The account, which must exist: a journey past eligibility is about a real account, or this is an incident. */
    public Account require(String username) {
        return cloud.findAccount(username).orElseThrow(() -> new DirectoryUnavailableException(
                "The account " + username + " is no longer in the cloud directory"));
    }
}
