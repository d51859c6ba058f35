package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricDetailQuery;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.resetflow.camunda.JourneyLookups;
import org.resetflow.channel.Channels;
import org.resetflow.channel.DeliveryFailedException;
import org.resetflow.channel.DeliveryRefusedException;
import org.resetflow.directory.Account;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.directory.DirectoryUnavailableException;
import org.resetflow.directory.IdentitySource;
import org.resetflow.directory.OnPremisesDirectory;
import org.resetflow.directory.CloudPolicyRejectedException;
import org.resetflow.directory.OnPremisesPolicyRejectedException;
import org.resetflow.eligibility.AccountProfile;
import org.resetflow.eligibility.AccountProfiles;
import org.resetflow.passwordpolicy.PasswordCheck;
import org.resetflow.passwordpolicy.PasswordPolicy;
import org.resetflow.passwordpolicy.PasswordRule;
import org.resetflow.passwordpolicy.Violation;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.recoveryinfo.Contacts;
import org.resetflow.recoveryinfo.Passkeys;
import org.resetflow.recoveryinfo.RecoveryInfo;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.secret.SecretVault;
import org.resetflow.shared.Method;
import org.resetflow.throttling.ProofThrottle;
import org.resetflow.throttling.RateLimits;
import org.resetflow.throttling.SelfServiceBlocks;
import org.resetflow.verification.AuthenticatorCodes;
import org.resetflow.verification.FailedProofs;
import org.resetflow.verification.PasskeyCeremonies;
import org.resetflow.verification.RecoveryMethods;
import org.resetflow.verification.SecurityQuestions;
import org.resetflow.verification.VerificationProperties;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The doubles in {@link JourneyDoubles} keep the contract of the real steps. For each scenario a double models, the
 * real delegate (its services mocked) and the double run on the same variables: they must set or remove the same
 * variables and end the same way (done, the same BPMN error, or a technical failure that the engine retries), and
 * the double may decide on nothing the real step does not read. What each real step reads is declared here, as the
 * models spell the names: a step that starts reading a variable, which the models must then give it (in a called
 * process, through {@code camunda:in}), fails here first.
 */
class JourneyDoublesContractTest {

    static final Account ALICE = new Account("alice", "uid=alice,ou=people,dc=example,dc=org", "Alice Example", "Alice", "Example",
            "alice@example.org", IdentitySource.CLOUD, null, false);
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** What every journey holds from its start, besides what a scenario adds. */
    static final Map<String, Object> JOURNEY = Map.of("username", "alice", "accountKey", "alice", "locale", "en", "journey", "reset",
            "clientAddress", "192.0.2.10", "requestedAt", "2026-11-25T10:00:00Z");

    @AfterEach
    void forgetTheDoubles() {
        Mocks.reset();
    }

    static List<Contract> contracts() {
        return List.of(
                // eligibility
                step("lookUpAccountDelegate").reads("username")
                        .scenario("a known account", doubles -> { },
                                world -> when(world.get(AccountProfiles.class).profile("alice")).thenReturn(profile(true)))
                        .scenario("an unknown username", doubles -> doubles.known = false,
                                world -> when(world.get(AccountProfiles.class).profile("alice")).thenReturn(profile(false))),
                step("continueAsDecoyDelegate").reads("username", "accountKnown", "accountKey")
                        .scenario("a refused account walks on as a decoy", given("accountKnown", true), doubles -> { },
                                world -> when(world.get(AccountProfiles.class).decoy("alice")).thenReturn(profile(false))),

                // verification
                step("checkSelfServiceLockoutDelegate").reads("accountKey")
                        .scenario("an account that may try", doubles -> { }, world -> { })
                        .scenario("an account locked out of self-service", doubles -> doubles.lockedOutAlready = true,
                                world -> when(world.get(ProofThrottle.class).lockedOutUntil("alice")).thenReturn(Optional.of(NOW)))
                        .scenario("an account blocked until the helpdesk lifts it", doubles -> doubles.selfServiceBlocked = true,
                                world -> when(world.get(SelfServiceBlocks.class).isBlocked("alice")).thenReturn(true)),
                step("offerMethodsDelegate").reads("registeredMethods", "verifiedMethods", "undeliverableMethods", "questionsAllowed",
                                "decoy", "username", "strongMethodRequired")
                        .scenario("the enrolled-factor rule: only the authenticator app, or the helpdesk",
                                given("registeredMethods", "EMAIL,AUTHENTICATOR_APP", "strongMethodRequired", true), doubles -> { }, world -> { })
                        .scenario("the gate after the authenticator app",
                                given("registeredMethods", "EMAIL,AUTHENTICATOR_APP", "strongMethodRequired", true, "verifiedMethods", "AUTHENTICATOR_APP"),
                                doubles -> { }, world -> { })
                        .scenario("the first gate", given("registeredMethods", "EMAIL,SMS,QUESTIONS", "questionsAllowed", true),
                                doubles -> { }, world -> { })
                        .scenario("the second gate", given("registeredMethods", "EMAIL,SMS,QUESTIONS", "verifiedMethods", "EMAIL"),
                                doubles -> { }, world -> { })
                        .scenario("no method left that can deliver a code",
                                given("registeredMethods", "EMAIL,SMS", "undeliverableMethods", "EMAIL,SMS"), doubles -> { }, world -> { }),
                step("matchContactDelegate").reads("method", "decoy", "contact", "username")
                        .scenario("a code to the registered address", given("method", "EMAIL", "contact", "alice.alt@example.org"),
                                doubles -> { }, JourneyDoublesContractTest::registeredAlternateEmail)
                        .scenario("security questions", given("method", "QUESTIONS"), doubles -> { }, world -> { })
                        .scenario("an authenticator app: no contact", given("method", "AUTHENTICATOR_APP"), doubles -> { }, world -> { }),
                step("issueCodeDelegate").reads("destination", "decoy", "accountKey")
                        .scenario("a code within the limits", given("destination", "alice.alt@example.org"), doubles -> { },
                                world -> when(world.get(RateLimits.class).tryIssueCode(any(), any())).thenReturn(true))
                        .scenario("too many codes for the account", given("destination", "alice.alt@example.org"),
                                doubles -> doubles.codeLimitReached = true, world -> { }),
                step("requestCodeDeliveryDelegate").reads("method", "destination", "locale")
                        .scenario("a code handed to its delivery", given("method", "EMAIL", "destination", "alice.alt@example.org"),
                                doubles -> { }, world -> { })
                        .scenario("a code with nowhere to go (a decoy, a contact that did not match)", given("method", "EMAIL"),
                                doubles -> { }, world -> { }),
                step("sendCodeDelegate").reads("codeVerification", "method", "locale", "destination")
                        .scenario("a code delivered", delivery("EMAIL", "alice.alt@example.org"), JourneyDoublesContractTest::sealedFor,
                                JourneyDoublesContractTest::sealedCode)
                        .scenario("no sealed code: nothing to send", delivery("SMS", null), doubles -> doubles.undeliverable.add("SMS"),
                                world -> { })
                        .scenario("a code the provider refuses", delivery("SMS", "+12025550101"), JourneyDoublesContractTest::sealedButUndeliverable,
                                world -> sendingFails(world, new DeliveryRefusedException("not a mobile number")))
                        .scenario("the last retry fails too", delivery("SMS", "+12025550101"), JourneyDoublesContractTest::sealedButUndeliverable,
                                world -> {
                                    sendingFails(world, new DeliveryFailedException("HTTP 503"));
                                    lastTry(world);
                                }),
                step("reportUndeliverableCodeDelegate").reads("journeyInstance", "method", "deliveryFailure", "codeVerification")
                        .scenario("a code the provider refused", given("codeVerification", "code-verification-1", "journeyInstance", "journey-1",
                                "method", "SMS", "deliveryFailure", "not a mobile number"), doubles -> { }, world -> { }),
                step("setMethodAsideDelegate").reads("undeliverableMethods", "chosenMethod")
                        .scenario("a method that could not deliver", given("chosenMethod", "SMS"), doubles -> { }, world -> { }),
                step("checkCodeDelegate").reads("code", "codeHash", "accountKey")
                        .scenario("the right code", given("code", JourneyDoubles.RIGHT_CODE, "codeHash", "hash"), doubles -> { },
                                world -> when(world.get(KeyedHasher.class).matches(any(), any(), any())).thenReturn(true))
                        .scenario("a wrong code", given("code", "00000000", "codeHash", "hash"), doubles -> { }, world -> { })
                        .scenario("a wrong code, one too many", given("code", "00000000", "codeHash", "hash"),
                                JourneyDoublesContractTest::oneFailureFromLockOut, JourneyDoublesContractTest::lockOutOnTheNextFailure),
                step("checkAuthenticatorCodeDelegate").reads("code", "accountKey", "decoy")
                        .scenario("the app's current code", given("code", JourneyDoubles.RIGHT_APP_CODE), doubles -> { },
                                world -> when(world.get(AuthenticatorCodes.class).check("alice", JourneyDoubles.RIGHT_APP_CODE))
                                        .thenReturn(AuthenticatorCodes.Verdict.ACCEPTED))
                        .scenario("a wrong code", given("code", "000000"), doubles -> { },
                                world -> when(world.get(AuthenticatorCodes.class).check("alice", "000000")).thenReturn(AuthenticatorCodes.Verdict.WRONG))
                        .scenario("a code already used", given("code", JourneyDoubles.USED_APP_CODE), doubles -> { },
                                world -> when(world.get(AuthenticatorCodes.class).check("alice", JourneyDoubles.USED_APP_CODE))
                                        .thenReturn(AuthenticatorCodes.Verdict.REUSED))
                        .scenario("a decoy's code never matches", given("code", JourneyDoubles.RIGHT_APP_CODE, "decoy", true), doubles -> doubles.known = false,
                                world -> { })
                        .scenario("a wrong code, one too many", given("code", "000000"), JourneyDoublesContractTest::oneFailureFromLockOut, world -> {
                            when(world.get(AuthenticatorCodes.class).check("alice", "000000")).thenReturn(AuthenticatorCodes.Verdict.WRONG);
                            lockOutOnTheNextFailure(world);
                        }),
                step("issuePasskeyRequestDelegate").reads("accountKey", "decoy")
                        .scenario("request options for the account's passkeys", doubles -> { }, world -> {
                            idleTimeout(world);
                            when(world.get(PasskeyCeremonies.class).requestOptions("alice")).thenReturn(Optional.of("{}"));
                        })
                        .scenario("a decoy's look-alike options", given("decoy", true), doubles -> doubles.known = false, world -> {
                            idleTimeout(world);
                            when(world.get(PasskeyCeremonies.class).decoyRequestOptions("alice")).thenReturn("{}");
                        })
                        .scenario("no passkey left", doubles -> doubles.passkeyRegistered = false, JourneyDoublesContractTest::idleTimeout),
                step("checkPasskeyDelegate").reads("credentialId", "clientDataJSON", "authenticatorData", "signature", "userHandle",
                                "accountKey", "decoy")
                        .scenario("the right assertion", assertion(JourneyDoubles.RIGHT_SIGNATURE, "client data"), doubles -> { },
                                world -> passkeyVerdict(world, PasskeyCeremonies.Finding.ACCEPTED, null))
                        .scenario("a wrong signature", assertion("wrong", "client data"), doubles -> { },
                                world -> passkeyVerdict(world, PasskeyCeremonies.Finding.WRONG, "signature"))
                        .scenario("a replayed assertion", assertion(JourneyDoubles.REPLAYED_SIGNATURE, "client data"), doubles -> { },
                                world -> passkeyVerdict(world, PasskeyCeremonies.Finding.REPLAYED, "authenticatorData"))
                        .scenario("an assertion for another site: refused, not counted", assertion(JourneyDoubles.RIGHT_SIGNATURE,
                                JourneyDoubles.OTHER_ORIGIN), doubles -> { },
                                world -> passkeyVerdict(world, PasskeyCeremonies.Finding.NOT_FOR_THIS_STEP, "clientDataJSON"))
                        .scenario("a wrong signature, one too many", assertion("wrong", "client data"), JourneyDoublesContractTest::oneFailureFromLockOut,
                                world -> {
                                    passkeyVerdict(world, PasskeyCeremonies.Finding.WRONG, "signature");
                                    lockOutOnTheNextFailure(world);
                                }),
                step("drawQuestionsDelegate").reads("accountKey", "decoy")
                        .scenario("three questions drawn", doubles -> { }, world -> when(world.get(SecurityQuestions.class).draw(any(), anyBoolean()))
                                .thenReturn(List.of("first-pet", "birth-city", "first-school"))),
                step("checkAnswersDelegate").reads("questionIds", "answerVerdict", "accountKey")
                        .scenario("the right answers", verdict("RIGHT"), doubles -> { }, world -> stampedVerdict(world, "RIGHT"))
                        .scenario("a wrong answer", verdict("WRONG"), doubles -> { }, world -> stampedVerdict(world, "WRONG"))
                        .scenario("a wrong answer, one too many", verdict("WRONG"), JourneyDoublesContractTest::oneFailureFromLockOut, world -> {
                            stampedVerdict(world, "WRONG");
                            lockOutOnTheNextFailure(world);
                        }),
                step("recordProofDelegate").reads("verifiedMethods", "chosenMethod")
                        .scenario("a gate passed", given("chosenMethod", "EMAIL"), doubles -> { }, world -> { }),

                // the new password and the directories
                step("checkNewPasswordDelegate").reads("password", "passwordConfirmation", "username")
                        .scenario("a password the policy accepts", given("password", "Tr4vel.Kettle.Mauve", "passwordConfirmation", "Tr4vel.Kettle.Mauve"),
                                doubles -> { }, world -> when(world.get(PasswordPolicy.class).check(any(), any(), any())).thenReturn(new PasswordCheck(List.of())))
                        .scenario("a password the policy rejects", given("password", JourneyDoubles.WEAK_PASSWORD, "passwordConfirmation", "weak"),
                                doubles -> { }, world -> when(world.get(PasswordPolicy.class).check(any(), any(), any()))
                                        .thenReturn(new PasswordCheck(List.of(Violation.of(PasswordRule.TOO_SHORT))))),
                step("writeBackPasswordDelegate").reads("username")
                        .scenario("written on-premises", doubles -> { }, world -> { })
                        .scenario("refused by the on-premises policy", doubles -> doubles.onPremisesRejectsOnce = true,
                                world -> doThrow(new OnPremisesPolicyRejectedException(OnPremisesPolicyRejectedException.Reason.RECENTLY_USED, "history"))
                                        .when(world.get(OnPremisesDirectory.class)).setPassword(any(), any(), anyBoolean()))
                        .scenario("the domain controller unreachable", doubles -> doubles.onPremisesUnavailable = true,
                                world -> doThrow(new DirectoryUnavailableException("unreachable"))
                                        .when(world.get(OnPremisesDirectory.class)).setPassword(any(), any(), anyBoolean())),
                step("setCloudPasswordDelegate").reads("username", "writebackRequired")
                        .scenario("written in the cloud", doubles -> { }, world -> { })
                        .scenario("a cloud account's password refused by the cloud policy", given("writebackRequired", false),
                                doubles -> doubles.cloudRejectsOnce = true, JourneyDoublesContractTest::cloudPolicyRefuses)
                        .scenario("a synced account's password refused by the cloud policy", given("writebackRequired", true),
                                doubles -> doubles.cloudRejectsOnce = true, JourneyDoublesContractTest::cloudPolicyRefuses)
                        .scenario("the cloud directory unreachable", doubles -> doubles.cloudUnavailable = true, world -> {
                            CloudDirectory cloud = world.get(CloudDirectory.class);
                            doThrow(new DirectoryUnavailableException("unreachable")).when(cloud).setPassword(any(), any(), anyBoolean());
                        }),
                step("unlockAccountDelegate").reads("username", "writebackRequired")
                        .scenario("a cloud account", given("writebackRequired", false), doubles -> { }, world -> { })
                        .scenario("a synced account", given("writebackRequired", true), doubles -> { }, world -> { }),

                // notifications
                step("notifyUserDelegate").reads("noticeTemplate", "username", "locale", "accountKey")
                        .scenario("a reset, with its \"not me\" link", given("noticeTemplate", "PASSWORD_RESET"), doubles -> { }, world -> { })
                        .scenario("a registration", given("noticeTemplate", "REGISTRATION_CONFIRMED"), doubles -> { }, world -> { }),
                step("notifyAdministratorsDelegate").reads("username", "locale")
                        .scenario("an administrator's reset", doubles -> { }, world -> { }),
                step("notifyEscalationReceivedDelegate").reads("username", "locale")
                        .scenario("an escalation", doubles -> { }, world -> { }),
                step("notifyEscalationOutcomeDelegate").reads("decision", "noticeTemplate", "username", "locale", "accountKey", "refusalReason")
                        .scenario("an approval", given("decision", "APPROVE", "noticeTemplate", "TEMPORARY_PASSWORD_SET"), doubles -> { }, world -> { })
                        .scenario("a refusal", given("decision", "REFUSE", "refusalReason", "Call us", "noticeTemplate", "ESCALATION_REFUSED"),
                                doubles -> { }, world -> { }),

                // the helpdesk
                step("gatherEscalationFactsDelegate").reads("accountKey", "recentJourneyKeys", "username", "eligibilityReason")
                        .scenario("the facts of an escalation", given("recentJourneyKeys", "passwordReset,accountUnlock", "eligibilityReason", "NOT_REGISTERED"),
                                doubles -> { },
                                world -> when(world.get(ProofThrottle.class).window()).thenReturn(Duration.ofHours(24))),
                step("followUpEscalationDelegate").reads("followUpTask")
                        .scenario("an escalation nobody took", given("followUpTask", "reviewEscalation"), doubles -> { }, world -> { }),
                step("recordEscalationDecisionDelegate").reads("decision", "refusalReason")
                        .scenario("an approval", given("decision", "APPROVE"), doubles -> { }, world -> { })
                        .scenario("a refusal with its reason", given("decision", "REFUSE", "refusalReason", "Call us"), doubles -> { }, world -> { }),
                step("issueTemporaryPasswordDelegate").reads("username", "writebackRequired")
                        .scenario("a cloud account", given("writebackRequired", false), doubles -> { }, world -> { })
                        .scenario("a synced account", given("writebackRequired", true), doubles -> { }, world -> { }),

                // a recovery reported as not the user's
                step("blockSelfServiceDelegate").reads("accountKey")
                        .scenario("a report", given("reportedJourney", "journey-7"), doubles -> { }, world -> { }),
                step("gatherReportedJourneyFactsDelegate").reads("reportedJourney")
                        .scenario("a reset proven by email", given("reportedJourney", "journey-7"), doubles -> { },
                                world -> when(world.get(JourneyLookups.class).facts(anyString(), any(String[].class))).thenReturn(Map.of(
                                        "journey", "reset", "requestedAt", "2026-11-25T10:00:00Z", "clientAddress", "192.0.2.10",
                                        "verifiedMethods", "EMAIL", "node", "node-1")))
                        .scenario("a journey whose history is gone", given("reportedJourney", "journey-7"), doubles -> { }, world -> { }),
                step("liftSelfServiceBlockDelegate").reads("accountSecured", "resolution")
                        .scenario("the helpdesk secured the account", given("accountSecured", true, "resolution", "Reset by phone"),
                                doubles -> { }, world -> { }),

                // registration
                step("checkCurrentPasswordDelegate").reads("password", "decoy", "username", "accountKey")
                        .scenario("the current password", given("password", JourneyDoubles.CURRENT_PASSWORD), doubles -> { },
                                world -> when(world.get(CloudDirectory.class).authenticate(any(), any())).thenReturn(true))
                        .scenario("a wrong password", given("password", "not-it"), doubles -> { }, world -> { })
                        .scenario("a wrong password, one too many", given("password", "not-it"), JourneyDoublesContractTest::oneFailureFromLockOut,
                                JourneyDoublesContractTest::lockOutOnTheNextFailure),
                step("checkContactsDelegate").reads("alternateEmail", "mobilePhone", "username", "accountKey")
                        .scenario("a new address and a new number", given("alternateEmail", "alice.alt@example.org", "mobilePhone", "+1 202 555 0101"),
                                doubles -> { }, JourneyDoublesContractTest::validContacts)
                        .scenario("an address that is none", given("alternateEmail", "not-an-address"), doubles -> { }, world -> {
                            validContacts(world);
                            when(world.get(Contacts.class).email("not-an-address")).thenReturn(Optional.empty());
                        }),
                step("offerAuthenticatorAppDelegate").reads("accountKey")
                        .scenario("authenticator apps switched off", doubles -> { }, world -> { })
                        .scenario("no app yet: add one or skip", doubles -> doubles.authenticatorAppEnabled = true,
                                JourneyDoublesContractTest::authenticatorAppsEnabled)
                        .scenario("an app registered: keep, replace or remove it", doubles -> {
                            doubles.authenticatorAppEnabled = true;
                            doubles.authenticatorAppRegistered = true;
                        }, world -> {
                            authenticatorAppsEnabled(world);
                            when(world.get(AuthenticatorApps.class).isRegistered("alice")).thenReturn(true);
                        }),
                step("saveAuthenticatorAppDelegate").reads("authenticatorApp", "code", "accountKey")
                        .scenario("a new app confirmed with its first code", given("authenticatorApp", "add", "code", JourneyDoubles.RIGHT_APP_CODE),
                                doubles -> { }, world -> {
                                    when(world.get(SecretVault.class).open(anyString(), eq("authenticatorApp"))).thenReturn(Optional.of("SECRET"));
                                    when(world.get(AuthenticatorCodes.class).matchingStep("SECRET", JourneyDoubles.RIGHT_APP_CODE))
                                            .thenReturn(java.util.OptionalLong.of(5L));
                                })
                        .scenario("a wrong first code", given("authenticatorApp", "replace", "code", "000000"), doubles -> { },
                                world -> when(world.get(SecretVault.class).open(anyString(), eq("authenticatorApp"))).thenReturn(Optional.of("SECRET")))
                        .scenario("the app removed", given("authenticatorApp", "remove"), doubles -> { }, world -> { })
                        .scenario("the app kept", given("authenticatorApp", "keep"), doubles -> { }, world -> { }),
                step("offerPasskeyDelegate").reads("accountKey")
                        .scenario("passkeys disabled", doubles -> { }, world -> { })
                        .scenario("no passkey yet: add one or skip", doubles -> {
                            doubles.passkeyEnabled = true;
                            doubles.passkeyRegistered = false;
                        }, world -> when(world.get(PasskeyCeremonies.class).enabled()).thenReturn(true))
                        .scenario("a passkey registered: keep it, add one or remove it", doubles -> doubles.passkeyEnabled = true, world -> {
                            when(world.get(PasskeyCeremonies.class).enabled()).thenReturn(true);
                            when(world.get(Passkeys.class).of("alice")).thenReturn(List.of(new Passkeys.Passkey("Y3JlZA", "alice", "aGFuZGxl",
                                    "a2V5", 0, "internal", "00000000-0000-0000-0000-000000000000", "my phone", NOW, null)));
                        }),
                step("issuePasskeyCreationDelegate").reads("username", "accountKey")
                        .scenario("creation options sealed for the step", doubles -> { }, world -> {
                            idleTimeout(world);
                            when(world.get(PasskeyCeremonies.class).creationOptions("alice", "alice", "alice")).thenReturn("{}");
                        }),
                step("savePasskeyDelegate").reads("passkey", "passkeyLabel", "attestationObject", "clientDataJSON", "transports", "accountKey")
                        .scenario("a new passkey that verifies", given("passkey", "add", "attestationObject", JourneyDoubles.RIGHT_ATTESTATION,
                                "clientDataJSON", "client data"), doubles -> { }, world -> newPasskey(world, PasskeyCeremonies.Finding.ACCEPTED))
                        .scenario("a new passkey for another site", given("passkey", "add", "attestationObject", "other", "clientDataJSON",
                                JourneyDoubles.OTHER_ORIGIN), doubles -> { }, world -> newPasskey(world, PasskeyCeremonies.Finding.NOT_FOR_THIS_STEP))
                        .scenario("a passkey removed", given("passkey", "remove:1"), doubles -> { }, world -> { })
                        .scenario("the passkeys kept", given("passkey", "keep"), doubles -> { }, world -> { }),
                step("offerQuestionsDelegate").reads()
                        .scenario("the questions to choose from", doubles -> { }, JourneyDoublesContractTest::threeQuestionsToRegister),
                step("saveRegistrationDelegate").reads("question1", "answer1", "question2", "answer2", "question3", "answer3",
                                "answerHashes", "accountKey", "emailToVerify", "mobileToVerify")
                        .scenario("three questions answered", given("question1", "first-pet", "answer1", "Rex", "question2", "birth-city",
                                "answer2", "Springfield", "question3", "first-school", "answer3", "Lincoln", "answerHashes", "stamped hashes"),
                                doubles -> { }, world -> {
                                    threeQuestionsToRegister(world);
                                    when(world.get(KeyedHasher.class).unstamped(any(), eq("stamped hashes"))).thenReturn(
                                            Optional.of("{\"first-pet\":\"h1\",\"birth-city\":\"h2\",\"first-school\":\"h3\"}"));
                                })
                        .scenario("an answer given twice", given("question1", "first-pet", "answer1", "same", "question2", "birth-city",
                                "answer2", "same", "question3", "first-school", "answer3", "Lincoln"), doubles -> { },
                                JourneyDoublesContractTest::threeQuestionsToRegister));
    }

    @TestFactory
    Stream<DynamicContainer> eachDoubleSetsWhatItsDelegateSetsAndEndsTheSameWay() {
        return contracts().stream().map(contract -> DynamicContainer.dynamicContainer(contract.name,
                contract.scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name,
                        () -> assertKeepsContract(contract, scenario, UnaryOperator.identity())))));
    }

    @TestFactory
    Stream<DynamicTest> eachDelegateReadsWhatItsContractDeclares() {
        return contracts().stream().map(contract -> DynamicTest.dynamicTest(contract.name,
                () -> assertReadsWhatItDeclares(contract, UnaryOperator.identity())));
    }

    @Test
    void everyDelegateTheModelsNameHasADoubleAndEveryDoubleAContract() {
        new JourneyDoubles().register();
        Set<String> doubles = new TreeSet<>(Mocks.getMocks().keySet());
        doubles.remove("journeySettings");
        doubles.remove("journeyFacts");
        Set<String> contracted = contracts().stream().map(contract -> contract.name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(doubles).isEqualTo(delegates().keySet());
        assertThat(contracted).isEqualTo(delegates().keySet());
    }

    @Test
    void aDelegateThatSetsAVariableItsDoubleDoesNotBreaksTheContract() {
        Contract contract = contract("recordProofDelegate");
        UnaryOperator<JavaDelegate> writesMore = real -> execution -> {
            real.execute(execution);
            execution.setVariable("proofRecordedAt", NOW.toString());
        };

        assertThatThrownBy(() -> assertKeepsContract(contract, contract.scenarios.get(0), writesMore))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("proofRecordedAt");
    }

    @Test
    void aDelegateThatEndsWithAnotherBpmnErrorBreaksTheContract() {
        Contract contract = contract("recordProofDelegate");
        UnaryOperator<JavaDelegate> refuses = real -> execution -> {
            throw new BpmnError("GATE_REFUSED");
        };

        assertThatThrownBy(() -> assertKeepsContract(contract, contract.scenarios.get(0), refuses))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GATE_REFUSED");
    }

    @Test
    void aDelegateThatReadsAVariableItsContractDoesNotDeclareIsCaught() {
        Contract contract = contract("recordProofDelegate");
        UnaryOperator<JavaDelegate> readsMore = real -> execution -> {
            execution.getVariable("clientAddress");
            real.execute(execution);
        };

        assertThatThrownBy(() -> assertReadsWhatItDeclares(contract, readsMore))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("clientAddress");
    }

    /** Runs the real step, changed by {@code change} (to show that the check catches a change), and the double. */
    private static void assertKeepsContract(Contract contract, Scenario scenario, UnaryOperator<JavaDelegate> change) {
        Run ofReal = runReal(contract, scenario, change);
        Run ofDouble = runDouble(contract, scenario);
        String what = contract.name + ", " + scenario.name;

        if (ofReal.failure != null) {
            assertThat(ofReal.failure).as("%s: the real step ends as the scenario sets up, not by a gap in it", what)
                    .isInstanceOfAny(BpmnError.class, DirectoryUnavailableException.class);
        }
        assertThat(ofDouble.outcome()).as("%s: how the double ends", what).isEqualTo(ofReal.outcome());
        assertThat(ofDouble.execution.written()).as("%s: the variables the double sets or removes", what)
                .containsExactlyInAnyOrderElementsOf(ofReal.execution.written());
        assertThat(ofReal.execution.read()).as("%s: the double decides only on what the real step reads", what)
                .containsAll(ofDouble.execution.read());
    }

    private static void assertReadsWhatItDeclares(Contract contract, UnaryOperator<JavaDelegate> change) {
        Set<String> read = new TreeSet<>();
        for (Scenario scenario : contract.scenarios) {
            read.addAll(runReal(contract, scenario, change).execution.read());
        }
        assertThat(read).as("the variables %s reads; the models must give them to it", contract.name)
                .containsExactlyInAnyOrderElementsOf(contract.reads);
    }

    private static Run runReal(Contract contract, Scenario scenario, UnaryOperator<JavaDelegate> change) {
        World world = new World();
        scenario.world.accept(world);
        RecordingExecution execution = new RecordingExecution(scenario.given, () -> world.get(ProcessEngineServices.class));
        JavaDelegate delegate = change.apply(world.build(delegates().get(contract.name)));
        Logger log = (Logger) LoggerFactory.getLogger(delegates().get(contract.name));
        Level level = log.getLevel();
        // a refused delivery and a follow-up are logged; here they are expected
        log.setLevel(Level.OFF);
        try {
            return Run.of(execution, delegate);
        } finally {
            log.setLevel(level);
        }
    }

    private static Run runDouble(Contract contract, Scenario scenario) {
        JourneyDoubles doubles = new JourneyDoubles();
        scenario.doubles.accept(doubles);
        doubles.register();
        try {
            return Run.of(new RecordingExecution(scenario.given, () -> new World().get(ProcessEngineServices.class)),
                    (JavaDelegate) Mocks.get(contract.name));
        } finally {
            Mocks.reset();
        }
    }

    private static Contract contract(String name) {
        return contracts().stream().filter(contract -> contract.name.equals(name)).findFirst().orElseThrow();
    }

    // the scenarios' settings

    static AccountProfile profile(boolean known) {
        return new AccountProfile("alice", "alice", known, IdentitySource.CLOUD, false, true,
                List.of(Method.EMAIL, Method.SMS, Method.VOICE_MOBILE, Method.QUESTIONS), false, false);
    }

    /** The journey API's verdict on the answers to the three questions drawn, with a stand-in for the server's stamp. */
    static Map<String, Object> verdict(String verdict) {
        return given("questionIds", "first-pet,birth-city,first-school", "answerVerdict", "stamp:" + verdict);
    }

    /** The server's stamp on the verdict checks out. */
    static void stampedVerdict(World world, String verdict) {
        when(world.get(KeyedHasher.class).unstamped(any(), eq("stamp:" + verdict))).thenReturn(Optional.of(verdict));
    }

    static void cloudPolicyRefuses(World world) {
        CloudDirectory cloud = world.get(CloudDirectory.class);
        doThrow(new CloudPolicyRejectedException(OnPremisesPolicyRejectedException.Reason.RECENTLY_USED, "Password is in history of old passwords"))
                .when(cloud).setPassword(any(), any(), anyBoolean());
    }

    static void oneFailureFromLockOut(JourneyDoubles doubles) {
        doubles.failedProofs = doubles.maxFailedProofs - 1;
    }

    static void lockOutOnTheNextFailure(World world) {
        when(world.get(ProofThrottle.class).recordFailure("alice")).thenReturn(Optional.of(NOW));
    }

    static void registeredAlternateEmail(World world) {
        when(world.get(RecoveryMethods.class).normalise(Method.EMAIL, "alice.alt@example.org")).thenReturn(Optional.of("alice.alt@example.org"));
        when(world.get(RecoveryMethods.class).registered(ALICE)).thenReturn(Map.of(Method.EMAIL, "alice.alt@example.org"));
    }

    /** What the code verification hands to a code's delivery; no destination for a decoy or a contact that did not match. */
    static Map<String, Object> delivery(String method, String destination) {
        Map<String, Object> given = given("codeVerification", "code-verification-1", "journeyInstance", "journey-1", "method", method);
        if (destination != null) {
            given.put("destination", destination);
        }
        return given;
    }

    /** The double's record of the code sealed for the delivery of {@link #delivery}. */
    static void sealedFor(JourneyDoubles doubles) {
        doubles.sealedCodes.add("code-verification-1");
    }

    /** A code sealed for the delivery of {@link #delivery}, whose text message the provider will not take. */
    static void sealedButUndeliverable(JourneyDoubles doubles) {
        sealedFor(doubles);
        doubles.undeliverable.add("SMS");
    }

    /** A sealed code that the provider fails to take, this way. */
    static void sendingFails(World world, RuntimeException failure) {
        sealedCode(world);
        doThrow(failure).when(world.get(Channels.class)).sendCode(any(), any(), any(), any(), any(), any());
    }

    /** The job runs for the last time: it has one retry left. */
    static void lastTry(World world) {
        Job job = mock(Job.class);
        when(job.getRetries()).thenReturn(1);
        JobQuery query = mock(JobQuery.class, RETURNS_SELF);
        when(query.singleResult()).thenReturn(job);
        when(world.get(ProcessEngineServices.class).getManagementService().createJobQuery()).thenReturn(query);
    }

    static void sealedCode(World world) {
        when(world.get(SecretVault.class).open(anyString(), anyString())).thenReturn(Optional.of(JourneyDoubles.RIGHT_CODE));
    }

    static void validContacts(World world) {
        when(world.get(Contacts.class).email(any())).thenAnswer(call -> Optional.of(call.getArgument(0, String.class)));
        when(world.get(Contacts.class).phone(any())).thenReturn(Optional.of("+12025550101"));
        when(world.get(RecoveryRegistrations.class).find(any())).thenReturn(RecoveryInfo.NONE);
    }

    static void authenticatorAppsEnabled(World world) {
        when(world.get(AuthenticatorCodes.class).enabled()).thenReturn(true);
        when(world.get(VerificationProperties.class).journeyIdleTimeout()).thenReturn(Duration.ofMinutes(15));
    }

    static void idleTimeout(World world) {
        when(world.get(VerificationProperties.class).journeyIdleTimeout()).thenReturn(Duration.ofMinutes(15));
    }

    /** An assertion as the browser sends it, its signature and client data standing in for what they say. */
    static Map<String, Object> assertion(String signature, String clientData) {
        return given("credentialId", "Y3JlZA", "clientDataJSON", clientData, "authenticatorData", "YXV0aA", "signature", signature);
    }

    /** The options the step showed are still sealed, and the ceremony finds this. */
    static void passkeyVerdict(World world, PasskeyCeremonies.Finding finding, String field) {
        when(world.get(SecretVault.class).open(anyString(), eq("passkeyRequest"))).thenReturn(Optional.of("{}"));
        when(world.get(PasskeyCeremonies.class).checkAssertion(any(), any(), anyBoolean(), any()))
                .thenReturn(new PasskeyCeremonies.Verdict(finding, field));
    }

    static void newPasskey(World world, PasskeyCeremonies.Finding finding) {
        when(world.get(SecretVault.class).open(anyString(), eq("passkeyCreation"))).thenReturn(Optional.of("{}"));
        when(world.get(PasskeyCeremonies.class).register(any(), any(), any(), any())).thenReturn(new PasskeyCeremonies.Registration(
                new PasskeyCeremonies.Verdict(finding, finding == PasskeyCeremonies.Finding.ACCEPTED ? null : "clientDataJSON"), null));
    }

    static void threeQuestionsToRegister(World world) {
        when(world.get(RegistrationProperties.class).questionsToRegister()).thenReturn(3);
        when(world.get(RegistrationProperties.class).questions()).thenReturn(List.of("first-pet", "birth-city", "first-school", "first-car"));
    }

    static Map<String, Object> given(Object... namesAndValues) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            given.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return given;
    }

    /** The real delegates by their bean names, as the models name them. */
    static Map<String, Class<?>> delegates() {
        return Delegates.BY_NAME;
    }

    private static final class Delegates {

        static final Map<String, Class<?>> BY_NAME = scan();

        private static Map<String, Class<?>> scan() {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
            Map<String, Class<?>> found = new TreeMap<>();
            for (BeanDefinition candidate : scanner.findCandidateComponents("org.resetflow")) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
                Component component = type.getAnnotation(Component.class);
                if (component != null) {
                    found.put(component.value(), type);
                }
            }
            return found;
        }
    }

    /** What a real delegate is built from: its services, mocked unless a scenario needs a real one. */
    static final class World {

        private final Map<Class<?>, Object> parts = new HashMap<>();

        <T> T get(Class<T> type) {
            Object part = parts.get(type);
            if (part == null) {
                part = create(type);
                parts.put(type, part);
            }
            return type.cast(part);
        }

        JavaDelegate build(Class<?> type) {
            try {
                Constructor<?> constructor = type.getDeclaredConstructors()[0];
                constructor.setAccessible(true);
                Object[] arguments = Arrays.stream(constructor.getParameterTypes()).map(this::get).toArray();
                return (JavaDelegate) constructor.newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build " + type.getName(), e);
            }
        }

        private Object create(Class<?> type) {
            if (type == ObjectMapper.class) {
                return new ObjectMapper();
            }
            if (type == Clock.class) {
                return Clock.fixed(NOW, ZoneOffset.UTC);
            }
            if (type == FailedProofs.class) {
                return new FailedProofs(get(ProofThrottle.class));
            }
            if (type == DirectoryAccounts.class) {
                return new DirectoryAccounts(get(CloudDirectory.class));
            }
            if (type == CloudDirectory.class) {
                CloudDirectory cloud = mock(CloudDirectory.class);
                when(cloud.findAccount("alice")).thenReturn(Optional.of(ALICE));
                return cloud;
            }
            if (type == ProcessEngineServices.class) {
                return engineServices();
            }
            return mock(type);
        }

        /**
         * The engine's services as the steps use them: no history yet, an escalation nobody took, no job on its last try,
         * and a runtime that starts and correlates what it is told.
         */
        private static ProcessEngineServices engineServices() {
            ProcessEngineServices services = mock(ProcessEngineServices.class);
            HistoryService history = mock(HistoryService.class);
            when(history.createHistoricProcessInstanceQuery()).thenAnswer(call -> mock(HistoricProcessInstanceQuery.class, RETURNS_SELF));
            when(history.createHistoricDetailQuery()).thenAnswer(call -> mock(HistoricDetailQuery.class, RETURNS_SELF));
            when(services.getHistoryService()).thenReturn(history);
            TaskService tasks = mock(TaskService.class);
            Task review = mock(Task.class);
            when(review.getId()).thenReturn("task-1");
            when(tasks.createTaskQuery()).thenAnswer(call -> {
                TaskQuery query = mock(TaskQuery.class, RETURNS_SELF);
                when(query.singleResult()).thenReturn(review);
                return query;
            });
            when(services.getTaskService()).thenReturn(tasks);
            ManagementService management = mock(ManagementService.class);
            when(management.createJobQuery()).thenAnswer(call -> mock(JobQuery.class, RETURNS_SELF));
            when(services.getManagementService()).thenReturn(management);
            when(services.getIdentityService()).thenReturn(mock(IdentityService.class));
            RuntimeService runtime = mock(RuntimeService.class);
            when(runtime.createMessageCorrelation(anyString())).thenAnswer(call -> mock(MessageCorrelationBuilder.class, RETURNS_SELF));
            when(services.getRuntimeService()).thenReturn(runtime);
            return services;
        }
    }

    /** One step's contract: what its real delegate reads, and the scenarios its double models. */
    static final class Contract {

        final String name;
        final Set<String> reads = new LinkedHashSet<>();
        final List<Scenario> scenarios = new ArrayList<>();

        private Contract(String name) {
            this.name = name;
        }

        Contract reads(String... names) {
            reads.addAll(List.of(names));
            return this;
        }

        Contract scenario(String name, Consumer<JourneyDoubles> doubles, Consumer<World> world) {
            return scenario(name, Map.of(), doubles, world);
        }

        Contract scenario(String name, Map<String, Object> given, Consumer<JourneyDoubles> doubles, Consumer<World> world) {
            Map<String, Object> variables = new HashMap<>(JOURNEY);
            variables.putAll(given);
            scenarios.add(new Scenario(name, variables, doubles, world));
            return this;
        }
    }

    static Contract step(String name) {
        return new Contract(name);
    }

    record Scenario(String name, Map<String, Object> given, Consumer<JourneyDoubles> doubles, Consumer<World> world) {
    }

    /** What a step did with the variables, and how it ended. */
    record Run(RecordingExecution execution, Exception failure) {

        static Run of(RecordingExecution execution, JavaDelegate delegate) {
            try {
                delegate.execute(execution);
                return new Run(execution, null);
            } catch (Exception failure) {
                return new Run(execution, failure);
            }
        }

        String outcome() {
            if (failure == null) {
                return "done";
            }
            return failure instanceof BpmnError error ? "BPMN error " + error.getErrorCode() : "a technical failure, retried";
        }
    }
}
