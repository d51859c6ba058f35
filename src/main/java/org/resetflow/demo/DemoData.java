package org.resetflow.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.resetflow.config.StaffAuthentication;
import org.resetflow.registration.RecoveryRegistrations;
import org.resetflow.registration.SecurityAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo users' recovery registrations and the demo staff group, created once on the first start of the
 * embedded profile. Announces loudly that this instance has well-known credentials.
 */
@Component
@Profile("embedded")
class DemoData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String HELPDESK_GROUP = StaffAuthentication.HELPDESK_GROUP;

    /** The demo users' answers, documented in the README. */
    static final Map<String, String> ALICE_ANSWERS = answers("first-pet", "Rex", "birth-city", "Springfield", "first-school", "Lincoln Elementary");
    static final Map<String, String> DAVE_ANSWERS = answers("first-pet", "Bella", "birth-city", "Portland", "first-car", "Beetle");

    private final RecoveryRegistrations registrations;
    private final SecurityAnswers answers;
    private final IdentityService identityService;

    DemoData(RecoveryRegistrations registrations, SecurityAnswers answers, IdentityService identityService) {
        this.registrations = registrations;
        this.answers = answers;
        this.identityService = identityService;
    }

    /** Before the web server opens, so that no request meets a half-seeded demo. */
    @Override
    public void afterSingletonsInstantiated() {
        seedStaff();
        if (registrations.find("alice").confirmedAt() == null) {
            register("alice", "alice.alt@example.org", "+12025550101", ALICE_ANSWERS);
            register("bob", "bob.alt@example.org", "+12025550102", Map.of());
            register("dave", "dave.alt@example.org", "+12025550104", DAVE_ANSWERS);
            register("erin", "erin.alt@example.org", null, Map.of());
            register("frank", "frank.alt@example.org", null, Map.of());
            register("gina", "gina.alt@example.org", "+12025550107", Map.of());
            log.info("Demo recovery registrations created for alice, bob, dave, erin, frank and gina");
        }
        log.warn("""

                ************************************************************************************
                *  ResetFlow is running the EMBEDDED DEMO profile.                                 *
                *  It has well-known credentials: staff demo/demo (Tasklist, Cockpit, /engine-rest) *
                *  and demo users whose password the README gives. Messages go to /dev/outbox.     *
                *  Never expose this instance to a network. Production: SPRING_PROFILES_ACTIVE=postgres *
                ************************************************************************************""");
    }

    private void seedStaff() {
        if (identityService.createGroupQuery().groupId(HELPDESK_GROUP).count() == 0) {
            Group group = identityService.newGroup(HELPDESK_GROUP);
            group.setName("Helpdesk administrators");
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId("demo").memberOfGroup(HELPDESK_GROUP).count() == 0
                && identityService.createUserQuery().userId("demo").count() == 1) {
            identityService.createMembership("demo", HELPDESK_GROUP);
        }
    }

    private void register(String user, String email, String mobile, Map<String, String> plainAnswers) {
        registrations.saveContacts(user, email, mobile);
        Map<String, String> hashes = new LinkedHashMap<>();
        plainAnswers.forEach((question, answer) -> hashes.put(question, answers.hash(answer)));
        registrations.replaceAnswers(user, hashes);
    }

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
