package org.resetflow.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import org.resetflow.directory.DirectoryProperties;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.staff.StaffProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.query.SearchScope;
import org.springframework.stereotype.Component;

/**
 * The demo users' recovery registrations and the demo staff account {@code demo}/{@code demo} (an administrator, in
 * the helpdesk and a process owner), created once on the first start of the embedded profile. The staff account is
 * added to the cloud directory here, not in its seed, so that embedded directories used outside the demo have no
 * default staff credentials. Announces loudly that this instance has well-known credentials.
 */
@Component
@Profile("embedded")
class DemoData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String STAFF_USER = "demo";

    /**
     * The Argon2id hashes of the demo users' answers (the README gives the answers), made once: hashing them at every
     * first start cost half a second of start-up, and these answers are public anyway. {@code DemoDataTest} checks
     * that each matches its answer with the parameters security answers are hashed with today. A demo database
     * seeded before (with m=16 MiB) keeps its hashes; each is hashed again at the next correct answer.
     */
    static final Map<String, String> ALICE_ANSWER_HASHES = answers(
            "first-pet", "$argon2id$v=19$m=19456,t=2,p=1$tJwj2gth2eHrezHre8gkvQ$VGA8GENaSW88+kVCSyxzZY0abqYVXCs0vzDavSuMrP0",
            "birth-city", "$argon2id$v=19$m=19456,t=2,p=1$75Re2pfFofIGZkfXUomgVw$gUBhldsce4zFCqp4bjrQDe9yWa3H4gB0JYqLPl6qOMg",
            "first-school", "$argon2id$v=19$m=19456,t=2,p=1$FepSDGT/yPQ1P4R4z7WMFQ$MYK4u0UNC/NwPsd6MMTiD4AeLPDzFkT4WE7vCC+uqGU");
    static final Map<String, String> DAVE_ANSWER_HASHES = answers(
            "first-pet", "$argon2id$v=19$m=19456,t=2,p=1$kWgC4roU2qvM00VkqfNR/A$QI2dsXsVM57e19sNPnF4aW8/f2yRzi0ZNNxUZfNNuvo",
            "birth-city", "$argon2id$v=19$m=19456,t=2,p=1$3LeTTEVfyk2u83C5dXSzJg$3CKTAwG/C3iOU9z/pPzzXweC5OMPC/mAHDDLPx2heB4",
            "first-car", "$argon2id$v=19$m=19456,t=2,p=1$fDWJhG8CsRqGT1I8mkvDEg$QAjOyAyRbZF6uMH1M+2QAfiOe4I7ZdWmc7W1IFN0WeI");

    /**
     * The demo authenticator app secret of tina (Base32, 160 bits), public like the demo passwords: the README gives it,
     * so that a tester can compute codes ({@code oathtool --totp -b RESETFLOWDEMOTINAAUTHENTICATORAP}).
     */
    static final String TINA_AUTHENTICATOR_SECRET = "RESETFLOWDEMOTINAAUTHENTICATORAP";

    private final RecoveryRegistrations registrations;
    private final AuthenticatorApps authenticatorApps;
    private final LdapTemplate cloud;
    private final DirectoryProperties.Cloud cloudSettings;
    private final StaffProperties staff;

    DemoData(RecoveryRegistrations registrations, AuthenticatorApps authenticatorApps, @Qualifier("cloudLdapTemplate") LdapTemplate cloud,
             DirectoryProperties directories, StaffProperties staff) {
        this.registrations = registrations;
        this.authenticatorApps = authenticatorApps;
        this.cloud = cloud;
        this.cloudSettings = directories.cloud();
        this.staff = staff;
    }

    /** Before the web server opens, so that no request meets a half-seeded demo. */
    @Override
    public void afterSingletonsInstantiated() {
        seedStaff();
        if (registrations.find("alice").confirmedAt() == null) {
            register("alice", "alice.alt@example.org", "+12025550101", ALICE_ANSWER_HASHES);
            register("bob", "bob.alt@example.org", "+12025550102", Map.of());
            register("dave", "dave.alt@example.org", "+12025550104", DAVE_ANSWER_HASHES);
            register("erin", "erin.alt@example.org", null, Map.of());
            register("frank", "frank.alt@example.org", null, Map.of());
            register("gina", "gina.alt@example.org", "+12025550107", Map.of());
            log.info("Demo recovery registrations created for alice, bob, dave, erin, frank and gina");
        }
        if (registrations.find("tina").confirmedAt() == null) {
            register("tina", "tina.alt@example.org", null, Map.of());
            authenticatorApps.save("tina", TINA_AUTHENTICATOR_SECRET, 0);
            log.info("Demo recovery registration with an authenticator app created for tina");
        }
        if (registrations.find("pia").confirmedAt() == null) {
            // a passkey needs a device: pia registers one herself in the registration journey (README)
            register("pia", "pia.alt@example.org", null, Map.of());
            log.info("Demo recovery registration created for pia, who can add a passkey");
        }
        log.warn("""

                ************************************************************************************
                *  ResetFlow is running the EMBEDDED DEMO profile.                                 *
                *  Well-known credentials: staff demo/demo (Tasklist, Cockpit, Admin, /engine-rest)*
                *  and demo users whose password the README gives. Messages go to /dev/outbox.     *
                *  Never expose this instance to a network. Production: SPRING_PROFILES_ACTIVE=postgres *
                ************************************************************************************""");
    }

    private void seedStaff() {
        String userDn = "uid=" + STAFF_USER + "," + below(cloudSettings.userSearchBase());
        if (!exists(userDn)) {
            BasicAttributes entry = new BasicAttributes(true);
            BasicAttribute objectClass = new BasicAttribute("objectClass");
            List.of("top", "person", "organizationalPerson", "inetOrgPerson").forEach(objectClass::add);
            entry.put(objectClass);
            entry.put("uid", STAFF_USER);
            entry.put("cn", "Demo Staff");
            entry.put("givenName", "Demo");
            entry.put("sn", "Staff");
            entry.put("mail", "demo@example.org");
            entry.put("userPassword", "demo");
            cloud.bind(userDn, null, entry);
            log.info("Demo staff account {} created in the cloud directory", STAFF_USER);
        }
        for (String group : List.of(staff.administratorGroup(), staff.helpdeskGroup(), staff.processOwnerGroup())) {
            String groupDn = "cn=" + group + "," + below(cloudSettings.groupSearchBase());
            if (!exists(groupDn)) {
                BasicAttributes entry = new BasicAttributes(true);
                BasicAttribute objectClass = new BasicAttribute("objectClass");
                List.of("top", "groupOfNames").forEach(objectClass::add);
                entry.put(objectClass);
                entry.put("cn", group);
                entry.put("member", userDn);
                cloud.bind(groupDn, null, entry);
            } else if (!isMember(groupDn, userDn)) {
                cloud.modifyAttributes(groupDn, new ModificationItem[] {
                        new ModificationItem(DirContext.ADD_ATTRIBUTE, new BasicAttribute("member", userDn)) });
            }
        }
    }

    private boolean isMember(String groupDn, String userDn) {
        return !cloud.search(LdapQueryBuilder.query().base(groupDn).searchScope(SearchScope.OBJECT).where("member").is(userDn),
                (ContextMapper<String>) entry -> groupDn).isEmpty();
    }

    private boolean exists(String dn) {
        try {
            cloud.lookup(dn);
            return true;
        } catch (NameNotFoundException e) {
            return false;
        }
    }

    private String below(String relative) {
        return relative == null || relative.isBlank() ? cloudSettings.baseDn() : relative + "," + cloudSettings.baseDn();
    }

    private void register(String user, String email, String mobile, Map<String, String> answerHashes) {
        registrations.saveContacts(user, email, mobile);
        registrations.replaceAnswers(user, answerHashes);
    }

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
