package org.resetflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;

/**
 * The simulated users {@code bench01} … : cloud-only accounts like alice, added to the embedded cloud directory
 * with its service account and registered through the public registration journey (an alternate email confirmed
 * by code, three security questions), exactly as a real user would.
 */
final class BenchUsers {

    static final String PASSWORD = "Bench-Passw0rd!";
    static final String CLOUD_SERVICE_DN = "cn=resetflow,ou=services,dc=cloud,dc=example,dc=org";
    private static final String PEOPLE = "ou=people,dc=cloud,dc=example,dc=org";
    private static final String SSPR_USERS = "cn=sspr-users,ou=groups,dc=cloud,dc=example,dc=org";

    /** Per user: the code that confirmed the alternate email at registration, the first code a reset must not take for its own. */
    private final Map<String, String> registrationCodes = new ConcurrentHashMap<>();
    /** Per user: question text (as the reset form labels it) to the registered answer. */
    private final Map<String, Map<String, String>> answers = new ConcurrentHashMap<>();

    static String alternateEmail(String user) {
        return user + ".alt@bench.example.org";
    }

    String registrationCode(String user) {
        return registrationCodes.get(user);
    }

    Map<String, String> answersOf(String user) {
        return answers.get(user);
    }

    void create(int count, int ldapPort, String servicePassword, JourneyClient api) throws Exception {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, "ldap://127.0.0.1:" + ldapPort);
        environment.put(Context.SECURITY_PRINCIPAL, CLOUD_SERVICE_DN);
        environment.put(Context.SECURITY_CREDENTIALS, servicePassword);
        DirContext directory = new InitialDirContext(environment);
        try {
            for (int i = 1; i <= count; i++) {
                add(directory, "bench%02d".formatted(i));
            }
        } finally {
            directory.close();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> registered = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String user = "bench%02d".formatted(i);
                registered.add(pool.submit(() -> {
                    register(user, api);
                    return null;
                }));
            }
            for (Future<?> future : registered) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void add(DirContext directory, String user) throws NamingException {
        BasicAttributes entry = new BasicAttributes(true);
        BasicAttribute objectClass = new BasicAttribute("objectClass");
        List.of("top", "person", "organizationalPerson", "inetOrgPerson").forEach(objectClass::add);
        entry.put(objectClass);
        entry.put("uid", user);
        entry.put("cn", "Bench User " + user.substring(5));
        entry.put("givenName", "Bench");
        entry.put("sn", "User " + user.substring(5));
        entry.put("mail", user + "@bench.example.org");
        entry.put("employeeType", "cloud");
        entry.put("userPassword", PASSWORD);
        String dn = "uid=" + user + "," + PEOPLE;
        directory.createSubcontext(dn, entry).close();
        directory.modifyAttributes(SSPR_USERS, new ModificationItem[] {
                new ModificationItem(DirContext.ADD_ATTRIBUTE, new BasicAttribute("member", dn))});
    }

    /** The registration's optional steps after the code, in the models' order, and how the bench users skip each. */
    private static final Map<String, Map<String, Object>> SKIPPED_STEPS = new LinkedHashMap<>(Map.of());

    static {
        SKIPPED_STEPS.put("setUpAuthenticatorApp", Map.of("authenticatorApp", "skip"));
        SKIPPED_STEPS.put("setUpPasskey", Map.of("passkey", "skip"));
    }

    private void register(String user, JourneyClient api) throws Exception {
        JourneyClient.Flow flow = api.start("registrations", user, "confirmPassword");
        api.submit(flow, "confirmPassword", Map.of("password", PASSWORD), "enterContacts");
        api.submit(flow, "enterContacts", Map.of("alternateEmail", alternateEmail(user)), "enterCode");
        String code = api.newCode(alternateEmail(user), null);
        registrationCodes.put(user, code);
        JourneyClient.Answer questions = api.submit(flow, "enterCode", Map.of("code", code), null);
        // the strong methods are offered where they are enabled (the embedded profile): the bench users take codes by email
        for (Map.Entry<String, Map<String, Object>> optional : SKIPPED_STEPS.entrySet()) {
            if (optional.getKey().equals(questions.stepKey())) {
                questions = api.submit(flow, optional.getKey(), optional.getValue(), null);
            }
        }
        if (!"chooseQuestions".equals(questions.stepKey())) {
            throw new IllegalStateException("registration of " + user + ": expected chooseQuestions after the code and the optional steps "
                    + SKIPPED_STEPS.keySet() + ", got " + questions.stepKey());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> byText = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode component : questions.body().path("step").path("form").path("components")) {
            String key = component.path("key").asText("");
            if (key.startsWith("question")) {
                String suffix = key.substring("question".length());
                JsonNode option = component.path("values").get(n++);
                String answer = "Bench answer " + option.path("value").asText() + " " + user;
                values.put(key, option.path("value").asText());
                values.put("answer" + suffix, answer);
                byText.put(option.path("label").asText(), answer);
            }
        }
        api.submit(flow, "chooseQuestions", values, "COMPLETED");
        answers.put(user, byText);
    }
}
