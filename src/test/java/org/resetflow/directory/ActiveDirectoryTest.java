package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetflow.directory.OnPremisesPolicyRejectedException.Reason;

/**
 * The {@code active-directory} adapter against an in-process LDAPS server that answers like a domain controller
 * (Windows' wordless {@code 0000052D}, refused rights). The real thing, a Samba domain controller, is in
 * {@code ActiveDirectoryWritebackIT}; this covers what Samba does not say the way Windows does.
 */
class ActiveDirectoryTest {

    static final String BASE = "DC=corp,DC=example,DC=org";
    static final String SERVICE = "CN=resetflow,CN=Users," + BASE;
    static final String SERVICE_PASSWORD = "service-secret";
    static final Account BOB = new Account("bob", "uid=bob,ou=people,dc=cloud,dc=example,dc=org", "Bob Tester", "Bob", "Tester",
            "bob@example.org", IdentitySource.SYNCED, null, false);

    @TempDir
    Path folder;

    InMemoryDirectoryServer server;
    File caPem;
    final List<InMemoryInterceptedModifyRequest> modifications = new CopyOnWriteArrayList<>();
    final AtomicReference<LDAPException> refuseNextModify = new AtomicReference<>();
    ActiveDirectory directory;

    @BeforeEach
    void domainController() throws Exception {
        File keyStore = folder.resolve("dc.p12").toFile();
        ResultCode generated = ManageCertificates.main(null, java.io.OutputStream.nullOutputStream(), java.io.OutputStream.nullOutputStream(),
                "generate-self-signed-certificate", "--keystore", keyStore.getPath(),
                "--keystore-password", "changeit", "--keystore-type", "PKCS12", "--alias", "dc", "--subject-dn", "CN=localhost",
                "--days-valid", "2", "--subject-alternative-name-dns", "localhost", "--subject-alternative-name-ip-address", "127.0.0.1");
        assertThat(generated).isEqualTo(ResultCode.SUCCESS);
        caPem = pemOf(keyStore, "dc");

        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema((Schema) null); // Active Directory's attributes, without its schema
        config.addAdditionalBindCredentials(SERVICE, SERVICE_PASSWORD);
        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(keyStore, "changeit".toCharArray(), "PKCS12", "dc"), null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps", java.net.InetAddress.getLoopbackAddress(), 0,
                serverSsl.createSSLServerSocketFactory(), null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
                modifications.add(request);
                LDAPException refusal = refuseNextModify.getAndSet(null);
                if (refusal != null) {
                    throw refusal;
                }
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: corp", "minPwdLength: 12", "pwdProperties: 1", "pwdHistoryLength: 24");
        server.add("dn: CN=Users," + BASE, "objectClass: container", "cn: Users");
        server.add("dn: CN=Bob Tester,CN=Users," + BASE, "objectClass: user", "cn: Bob Tester", "sAMAccountName: bob",
                "memberOf: CN=Staff,CN=Users," + BASE);
        server.add("dn: CN=Paula Tester,CN=Users," + BASE, "objectClass: user", "cn: Paula Tester", "sAMAccountName: paula",
                "adminCount: 1");
        server.add("dn: CN=System," + BASE, "objectClass: container", "cn: System");
        server.add("dn: CN=Password Settings Container,CN=System," + BASE, "objectClass: msDS-PasswordSettingsContainer",
                "cn: Password Settings Container");
        server.add("dn: CN=Staff Policy,CN=Password Settings Container,CN=System," + BASE, "objectClass: msDS-PasswordSettings",
                "cn: Staff Policy", "msDS-MinimumPasswordLength: 16", "msDS-PasswordComplexityEnabled: FALSE",
                "msDS-PasswordHistoryLength: 0");
        server.add("dn: CN=Sue Tester,CN=Users," + BASE, "objectClass: user", "cn: Sue Tester", "sAMAccountName: sue",
                "msDS-ResultantPSO: CN=Staff Policy,CN=Password Settings Container,CN=System," + BASE);
        server.add("dn: CN=Uma Tester,CN=Users," + BASE, "objectClass: user", "cn: Uma Tester", "sAMAccountName: uma",
                "msDS-ResultantPSO: CN=Unreadable Policy,CN=Password Settings Container,CN=System," + BASE);
        server.add("dn: CN=Dan Tester,CN=Users," + BASE, "objectClass: user", "cn: Dan Tester", "sAMAccountName: dan",
                "memberOf: CN=Backup Operators,CN=Builtin," + BASE);
        server.startListening();
        directory = adapter("ldaps://localhost:" + server.getListenPort(), caPem.getPath());
    }

    @AfterEach
    void stop() {
        if (directory != null) {
            directory.destroy();
        }
        server.shutDown(true);
    }

    private ActiveDirectory adapter(String url, String trustStore) {
        return new ActiveDirectory(new DirectoryProperties.OnPremises(DirectoryProperties.WritebackMode.ACTIVE_DIRECTORY, url, BASE,
                SERVICE, SERVICE_PASSWORD, "CN=Users", null, Duration.ofSeconds(5), trustStore, null, false, true,
                List.of("Domain Admins", "Backup Operators"), null));
    }

    @Test
    void theResetReplacesUnicodePwdWithTheQuotedUtf16ValueAndAsksForTheHistoryRules() {
        directory.setPassword(BOB, "Granite-Orchard-Lamp-71", false);

        InMemoryInterceptedModifyRequest reset = modifications.get(0);
        assertThat(reset.getRequest().getDN()).isEqualTo("CN=Bob Tester,CN=Users," + BASE);
        Modification password = reset.getRequest().getModifications().get(0);
        assertThat(password.getModificationType()).isEqualTo(ModificationType.REPLACE);
        assertThat(password.getAttributeName()).isEqualTo("unicodePwd");
        assertThat(password.getValueByteArrays()[0]).isEqualTo("\"Granite-Orchard-Lamp-71\"".getBytes(StandardCharsets.UTF_16LE));
        assertThat(reset.getRequest().getModifications().get(1).getValues()).containsExactly("-1");
        assertThat(reset.getRequest().getControls()).anySatisfy(control -> {
            assertThat(control.getOID()).isEqualTo(ActiveDirectory.POLICY_HINTS_OID);
            assertThat(control.isCritical()).as("a domain controller before 2012 R2 ignores it").isFalse();
        });
    }

    @Test
    void aTemporaryPasswordMustBeChangedAtNextSignInAndAnUnlockClearsLockoutTime() {
        directory.setPassword(BOB, "Temporary-Passw0rd-1", true);
        directory.clearLockout(BOB);

        assertThat(modifications.get(0).getRequest().getModifications().get(1).getValues()).as("pwdLastSet").containsExactly("0");
        Modification unlock = modifications.get(1).getRequest().getModifications().get(0);
        assertThat(unlock.getAttributeName()).isEqualTo("lockoutTime");
        assertThat(unlock.getValues()).containsExactly("0");
    }

    @Test
    void aWordlessPolicyRefusalIsExplainedFromTheDomainsOwnPolicy() {
        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPassword(BOB, "Short-1a", false))
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT));

        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPassword(BOB, "alllowercaseletters", false))
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SIMPLE));

        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPassword(BOB, "bob-Granite-Orchard-1", false)).as("contains the account name")
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SIMPLE));

        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPassword(BOB, "Granite-Orchard-Lamp-71", false)).as("long and complex: the history")
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RECENTLY_USED));
    }

    @Test
    void aRepeatedResetThatTheHistoryRefusesIsDoneWhenTheNewPasswordAlreadyBinds() throws Exception {
        server.modify("dn: CN=Bob Tester,CN=Users," + BASE, "changetype: modify", "replace: userPassword",
                "userPassword: Granite-Orchard-Lamp-71");
        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPassword(BOB, "Granite-Orchard-Lamp-71", false)).as("a first attempt never binds as the user")
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RECENTLY_USED));

        refuseNextModify.set(windowsRefusal());
        directory.setPasswordAgain(BOB, "Granite-Orchard-Lamp-71", false);

        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPasswordAgain(BOB, "Basalt-Harbour-Kite-93", false)).as("a repeat of a password not set")
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RECENTLY_USED));
        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPasswordAgain(BOB, "Short-1a", false)).as("too short is never a repeat")
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT));
    }

    @Test
    void aFineGrainedPasswordPolicyOfTheAccountWinsOverTheDomainsAndAnUnreadableOneGivesNoReason() {
        Account sue = new Account("sue", "uid=sue", "Sue", "Sue", "Tester", null, IdentitySource.SYNCED, null, false);
        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPassword(sue, "Granite-Lamp-71", false)).as("15 characters: enough for the domain, not for sue")
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT));

        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPassword(sue, "granite orchard lamp", false)).as("no complexity, no history in sue's policy")
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OTHER));

        Account uma = new Account("uma", "uid=uma", "Uma", "Uma", "Tester", null, IdentitySource.SYNCED, null, false);
        refuseNextModify.set(windowsRefusal());
        assertThatThrownBy(() -> directory.setPassword(uma, "Short-1a", false))
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OTHER));
    }

    @Test
    void sambasWordsSayTheReasonThemselves() {
        refuseNextModify.set(new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
                "0000052D: Constraint violation - check_password_restrictions: the password was already used (in history)!"));
        assertThatThrownBy(() -> directory.setPassword(BOB, "Short-1a", false))
                .isInstanceOfSatisfying(OnPremisesPolicyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RECENTLY_USED));
    }

    @Test
    void missingRightsAreATechnicalFailureThatSaysWhichRight() {
        refuseNextModify.set(new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                "00002098: SecErr: DSID-03150F94, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0"));
        assertThatThrownBy(() -> directory.setPassword(BOB, "Granite-Orchard-Lamp-71", false))
                .isInstanceOf(DirectoryUnavailableException.class)
                .hasMessageContaining("lacks the right to reset passwords")
                .hasMessageNotContaining("Granite");
    }

    @Test
    void protectedAccountsAreRecognisedAndNeverWritten() {
        assertThat(directory.isProtected(BOB)).isFalse();
        Account paula = new Account("paula", "uid=paula", "Paula", "Paula", "Tester", null, IdentitySource.SYNCED, null, false);
        Account dan = new Account("dan", "uid=dan", "Dan", "Dan", "Tester", null, IdentitySource.SYNCED, null, false);
        assertThat(directory.isProtected(paula)).as("adminCount=1").isTrue();
        assertThat(directory.isProtected(dan)).as("in a protected group").isTrue();

        assertThatThrownBy(() -> directory.setPassword(paula, "Granite-Orchard-Lamp-71", false)).isInstanceOf(ProtectedAccountException.class);
        assertThatThrownBy(() -> directory.clearLockout(dan)).isInstanceOf(ProtectedAccountException.class);
        assertThat(modifications).isEmpty();
    }

    @Test
    void aProbeSearchesAsTheProtectionCheckDoesWhateverItFinds() {
        directory.probe("bob");
        directory.probe("ghost");
        assertThat(modifications).isEmpty();

        directory.destroy();
        directory = adapter("ldaps://127.0.0.2:" + server.getListenPort(), caPem.getPath());
        assertThatThrownBy(() -> directory.probe("ghost")).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void anAccountThatIsNotThereOnPremisesIsAnOperatorsProblem() {
        Account ghost = new Account("ghost", "uid=ghost", "Ghost", "G", "Host", null, IdentitySource.SYNCED, null, false);
        assertThatThrownBy(() -> directory.setPassword(ghost, "Granite-Orchard-Lamp-71", false))
                .isInstanceOf(DirectoryUnavailableException.class).hasMessageContaining("matches 0 Active Directory accounts");
    }

    @Test
    void aCertificateThatIsNotTrustedIsRefusedThereIsNoTrustAll() {
        directory.destroy();
        directory = adapter("ldaps://localhost:" + server.getListenPort(), null);
        assertThatThrownBy(() -> directory.setPassword(BOB, "Granite-Orchard-Lamp-71", false))
                .isInstanceOf(DirectoryUnavailableException.class);
        assertThat(modifications).isEmpty();
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        directory.destroy();
        directory = adapter("ldaps://127.0.0.2:" + server.getListenPort(), caPem.getPath());
        assertThatThrownBy(() -> directory.isProtected(BOB)).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void plainLdapWithoutStartTlsOrABadUrlStopTheStart() {
        assertThatThrownBy(() -> adapter("ldap://localhost:" + server.getListenPort(), caPem.getPath()))
                .hasMessageContaining("resetflow.directory.on-premises.url").hasMessageContaining("only over TLS");
        assertThatThrownBy(() -> adapter("dc.example.org", caPem.getPath()))
                .hasMessageContaining("resetflow.directory.on-premises.url").hasMessageContaining("not an LDAP URL");
    }

    private static LDAPException windowsRefusal() {
        return new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
                "0000052D: AtrErr: DSID-03191083, #1:\n\t0: 0000052D: DSID-03191083, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)\n");
    }

    private File pemOf(File keyStoreFile, String alias) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStoreFile.toPath())) {
            keyStore.load(in, "changeit".toCharArray());
        }
        Certificate certificate = keyStore.getCertificate(alias);
        Path pem = folder.resolve("ca.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return pem.toFile();
    }
}
