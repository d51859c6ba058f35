package org.resetflow.writeback;

/**
 * Whether the Samba domain controller of {@code .ci/samba-ad} is there to test against. Its settings arrive as
 * {@code RESETFLOW_IT_AD_*} environment variables; on CI ({@code CI=true}) they must be, so a missing one fails the
 * build instead of skipping the writeback tests.
 */
final class SambaDomain {

    static final String URL_VARIABLE = "RESETFLOW_IT_AD_URL";

    private SambaDomain() {
    }

    /** For {@code @EnabledIf}. */
    static boolean configuredOrRequired() {
        return configured() || "true".equals(System.getenv("CI"));
    }

    static boolean configured() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    static String require(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: start a domain controller with "
                    + "'.ci/samba-ad start <folder>' and source <folder>/env (.ci/run does both)");
        }
        return value;
    }
}
