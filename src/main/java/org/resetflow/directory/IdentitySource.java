package org.resetflow.directory;

import java.util.Locale;

/** Where an account is mastered: only in the cloud, or synchronised/federated from on-premises. */
public enum IdentitySource {
    CLOUD, SYNCED, FEDERATED;

    public boolean isOnPremises() {
        return this != CLOUD;
    }

    /** The lower-case value used in process variables and the eligibility decision. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentitySource fromDirectoryValue(String value) {
        if (value == null || value.isBlank()) {
            return CLOUD;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "synced", "synchronized", "synchronised" -> SYNCED;
            case "federated" -> FEDERATED;
            default -> CLOUD;
        };
    }
}
