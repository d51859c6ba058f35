package org.resetflow.staff;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Path;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application the staff tests sign in to, one for all of them (the same configuration, so Spring's test context
 * cache starts it once): the embedded demo with its staff (demo, helen, dave, leo, olivia) and one account the tests
 * add, {@link #ADMINISTRATOR_ONLY}, a member of the administrators' group and of no other staff group, so that what
 * administrators may do is seen without the helpdesk's and the process owners' grants that demo also holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
abstract class StaffApplication {

    static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    static final String ADMINISTRATOR_ONLY = "adam";
    static final Path DATA = EmbeddedTestDefaults.newDataDirectory();
    static final int CLOUD_PORT = EmbeddedTestDefaults.freePort();
    static final int ON_PREMISES_PORT = EmbeddedTestDefaults.freePort();
    static final String CLOUD = "dc=cloud,dc=example,dc=org";
    private static final String CLOUD_SERVICE_PASSWORD = "staff-tests-cloud-service-password";
    private static boolean administratorAdded;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(DATA, CLOUD_PORT, ON_PREMISES_PORT).forEach((key, value) -> registry.add(key, () -> value));
        // every test here signs in from 127.0.0.1: only the accounts' allowances are under test (RateLimitsTest has the clients')
        registry.add("resetflow.throttling.staff-sign-in.failures-per-client", () -> 1000);
        registry.add("resetflow.directory.cloud.bind-password", () -> CLOUD_SERVICE_PASSWORD);
        // a failed directory write is tried again two seconds later, then an hour later (which a test lets pass), then
        // it is an incident, whose retry would be due another hour later, were it not due at once
        registry.add("resetflow.engine.directory-retry-cycle", () -> "PT2S,PT1H");
    }

    @LocalServerPort
    int port;

    /** Adds {@link #ADMINISTRATOR_ONLY} to the cloud directory and to the administrators' group, once. */
    static synchronized void addAdministratorOnly() throws Exception {
        if (administratorAdded) {
            return;
        }
        try (LDAPConnection cloud = new LDAPConnection("127.0.0.1", CLOUD_PORT, "cn=resetflow,ou=services," + CLOUD, CLOUD_SERVICE_PASSWORD)) {
            String dn = "uid=" + ADMINISTRATOR_ONLY + ",ou=people," + CLOUD;
            cloud.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + ADMINISTRATOR_ONLY, "cn: Adam Admin", "givenName: Adam",
                    "sn: Admin", "mail: adam@example.org", "userPassword: " + DEMO_PASSWORD);
            cloud.modify("cn=resetflow-admins,ou=groups," + CLOUD, new Modification(ModificationType.ADD, "member", dn));
        }
        administratorAdded = true;
    }
}
