package org.resetflow.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.resetflow.accountchange.AccountChangeVariables;
import org.resetflow.camunda.FormFieldErrors;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.camunda.JourneyFactsExpression;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.ModelMessages;
import org.resetflow.engine.Vars;
import org.resetflow.escalation.EscalationVariables;
import org.resetflow.notme.NotMeVariables;
import org.resetflow.registration.RegistrationVariables;
import org.resetflow.verification.VerificationVariables;

/**
 * Test doubles for every delegate the models name. Each keeps the variable contract of the real step (what it
 * reads, what it sets, which BPMN error it throws), driven by a scenario the test sets up, so that a process
 * test exercises the paths of the model and nothing else.
 */
final class JourneyDoubles {

    static final String RIGHT_CODE = "24681357";
    /** The code the authenticator app shows now; {@link #USED_APP_CODE} is one already accepted. */
    static final String RIGHT_APP_CODE = "135790";
    static final String USED_APP_CODE = "246802";
    /** The signature of an assertion by the user's passkey; {@link #REPLAYED_SIGNATURE} one whose counter did not move on. */
    static final String RIGHT_SIGNATURE = "right-signature";
    static final String REPLAYED_SIGNATURE = "replayed-signature";
    /** An assertion made for another site (its client data names another origin). */
    static final String OTHER_ORIGIN = "other-origin";
    /** A new passkey's attestation that verifies. */
    static final String RIGHT_ATTESTATION = "right-attestation";
    static final String RIGHT_ANSWER = "right";
    static final String CURRENT_PASSWORD = "current";
    static final String WEAK_PASSWORD = "weak";
    static final String LOCKED_OUT_UNTIL = "2026-11-26T10:00:00Z";

    // the account and the policy
    boolean known = true;
    String identitySource = "cloud";
    boolean administrator;
    boolean inScopeGroup = true;
    String registeredMethods = "EMAIL,SMS,VOICE_MOBILE,QUESTIONS";
    String scope = "groups";
    int userGates = 1;
    boolean writebackEnabled = true;
    boolean revealEligibility = true;
    boolean protectedAccount;
    boolean reconfirmationDue;
    /** The enrolled-factor rule ({@code resetflow.policy.strong-method-required}). */
    boolean strongMethodRule = true;
    /** Whether authenticator apps are enabled ({@code resetflow.authenticator-app.enabled}), and whether the user has one. */
    boolean authenticatorAppEnabled;
    boolean authenticatorAppRegistered;
    /** Whether passkeys are enabled ({@code resetflow.passkey.enabled}), and whether the user has one (still). */
    boolean passkeyEnabled;
    boolean passkeyRegistered = true;

    // how the world behaves
    int maxFailedProofs = 5;
    int failedProofs;
    boolean lockedOutAlready;
    /** The owner reported a recovery as not theirs: blocked until the helpdesk lifts it. */
    boolean selfServiceBlocked;
    boolean codeLimitReached;
    /** Methods whose codes the provider cannot deliver: the real send gives up with SEND_FAILED and the delivery reports it. */
    final java.util.Set<String> undeliverable = new java.util.HashSet<>();
    /** The code verifications whose code is sealed for its delivery: not a decoy's, nor one without a destination. */
    final java.util.Set<String> sealedCodes = new java.util.HashSet<>();
    boolean onPremisesRejectsOnce;
    boolean onPremisesUnavailable;
    boolean cloudUnavailable;
    /** The cloud directory's own policy refuses the next password (a synced account's refusal is a failure, not a BPMN error). */
    boolean cloudRejectsOnce;

    // the journey a "not me" report is about, as its history tells
    String reportedJourneyKind = "reset";
    String reportedVerifiedMethods = "EMAIL";

    // what happened
    final List<String> calls = new ArrayList<>();
    /** Self-service blocks by "not me" reports: the report's process instance and the account it blocks. */
    final java.util.Map<String, String> selfServiceBlocks = new java.util.HashMap<>();

    JourneyDoubles register() {
        Mocks.register("journeySettings", new Settings());
        Mocks.register("journeyFacts", new JourneyFactsExpression());
        register("lookUpAccountDelegate", this::lookUpAccount);
        register("continueAsDecoyDelegate", this::continueAsDecoy);
        register("checkSelfServiceLockoutDelegate", e -> {
            if (selfServiceBlocked) {
                throw new BpmnError("LOCKED_OUT");
            }
            if (lockedOutAlready) {
                e.setVariable(VerificationVariables.LOCKED_OUT_UNTIL, LOCKED_OUT_UNTIL);
                throw new BpmnError("LOCKED_OUT");
            }
        });
        register("offerMethodsDelegate", this::offerMethods);
        register("matchContactDelegate", e -> {
            e.setVariable(VerificationVariables.CHOSEN_METHOD, e.getVariable(VerificationVariables.METHOD));
            if (!List.of("QUESTIONS", "AUTHENTICATOR_APP", "PASSKEY").contains(e.getVariable(VerificationVariables.METHOD))) {
                e.setVariable(VerificationVariables.CONTACT_MATCHED, true);
                e.setVariable(VerificationVariables.DESTINATION, "registered-destination");
            }
        });
        register("issueCodeDelegate", e -> {
            if (codeLimitReached) {
                throw new BpmnError("CODE_LIMIT");
            }
            e.setVariable(VerificationVariables.CODE_HASH, "hash-of-" + RIGHT_CODE);
            e.setVariable(VerificationVariables.CODE_ISSUED_AT, "2026-11-25T10:01:00Z");
            if (e.getVariable(VerificationVariables.DESTINATION) != null && !JourneyFacts.isTrue(e, Vars.DECOY)) {
                sealedCodes.add(e.getProcessInstanceId());
            }
        });
        // the code's delivery is a process instance of its own: the double starts it as the real step does, with what the doubles read
        register("requestCodeDeliveryDelegate", e -> e.getProcessEngineServices().getRuntimeService().startProcessInstanceByMessage(
                ModelMessages.thrownBy(e), e.getProcessBusinessKey(), Variables.createVariables()
                        .putValue(VerificationVariables.CODE_VERIFICATION, e.getProcessInstanceId())
                        .putValue(VerificationVariables.METHOD, e.getVariable(VerificationVariables.METHOD))));
        register("sendCodeDelegate", e -> {
            if (sealedCodes.remove((String) e.getVariable(VerificationVariables.CODE_VERIFICATION))
                    && undeliverable.contains(e.getVariable(VerificationVariables.METHOD))) {
                throw new BpmnError("SEND_FAILED", "refused by the provider");
            }
        });
        register("reportUndeliverableCodeDelegate", e -> e.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(ModelMessages.thrownBy(e))
                .processInstanceId((String) e.getVariable(VerificationVariables.CODE_VERIFICATION)).correlateAll());
        register("setMethodAsideDelegate", e -> {
            List<String> aside = new ArrayList<>(split(e.getVariable(VerificationVariables.UNDELIVERABLE_METHODS)));
            aside.add((String) e.getVariable(VerificationVariables.CHOSEN_METHOD));
            e.setVariable(VerificationVariables.UNDELIVERABLE_METHODS, String.join(",", aside));
        });
        register("notifyEscalationReceivedDelegate", e -> { });
        register("checkCodeDelegate", e -> {
            proof(e, RIGHT_CODE.equals(e.getVariable(VerificationVariables.INPUT_CODE)), "code", "CODE_WRONG", "WRONG_CODE");
            e.removeVariable(VerificationVariables.CODE_HASH);
        });
        register("checkAuthenticatorCodeDelegate", e -> {
            Object typed = e.getVariable(VerificationVariables.INPUT_CODE);
            boolean decoy = JourneyFacts.isTrue(e, Vars.DECOY);
            if (!decoy && USED_APP_CODE.equals(typed)) {
                proof(e, false, "code", "CODE_USED", "WRONG_CODE");
            }
            proof(e, !decoy && RIGHT_APP_CODE.equals(typed), "code", "CODE_WRONG", "WRONG_CODE");
        });
        register("issuePasskeyRequestDelegate", e -> {
            if (!JourneyFacts.isTrue(e, Vars.DECOY) && !passkeyRegistered) {
                throw new BpmnError("NO_PASSKEY_LEFT");
            }
        });
        register("checkPasskeyDelegate", e -> {
            boolean decoy = JourneyFacts.isTrue(e, Vars.DECOY);
            if (OTHER_ORIGIN.equals(e.getVariable(VerificationVariables.INPUT_CLIENT_DATA))) {
                e.setVariable(Vars.PENDING_FIELD_ERRORS, "clientDataJSON=PASSKEY_NOT_FOR_THIS_STEP");
                throw new BpmnError("WRONG_PASSKEY");
            }
            Object signature = e.getVariable(VerificationVariables.INPUT_SIGNATURE);
            if (!decoy && REPLAYED_SIGNATURE.equals(signature)) {
                proof(e, false, "authenticatorData", "PASSKEY_REPLAYED", "WRONG_PASSKEY");
            }
            proof(e, !decoy && RIGHT_SIGNATURE.equals(signature), "signature", "PASSKEY_WRONG", "WRONG_PASSKEY");
        });
        register("drawQuestionsDelegate", e -> {
            e.setVariable(VerificationVariables.QUESTION_IDS, "first-pet,birth-city,first-school");
            e.setVariable(VerificationVariables.QUESTION_COUNT, 3);
            e.setVariable("question1", "question.first-pet");
            e.setVariable("question2", "question.birth-city");
            e.setVariable("question3", "question.first-school");
        });
        register("checkAnswersDelegate", e -> proof(e, String.valueOf(e.getVariable(VerificationVariables.ANSWER_VERDICT)).endsWith(":RIGHT"),
                "_form", "ANSWERS_WRONG", "WRONG_ANSWERS"));
        register("recordProofDelegate", e -> {
            List<String> verified = new ArrayList<>(split(e.getVariable(VerificationVariables.VERIFIED_METHODS)));
            verified.add((String) e.getVariable(VerificationVariables.CHOSEN_METHOD));
            e.setVariable(VerificationVariables.VERIFIED_METHODS, String.join(",", verified));
            e.setVariable(VerificationVariables.PROVEN_GATES, verified.size());
        });
        register("checkNewPasswordDelegate", e -> {
            if (WEAK_PASSWORD.equals(e.getVariable(Vars.INPUT_PASSWORD))) {
                e.setVariable(Vars.PENDING_FIELD_ERRORS, "password=TOO_SHORT:8");
                throw new BpmnError("PASSWORD_REJECTED");
            }
        });
        register("writeBackPasswordDelegate", e -> {
            if (onPremisesUnavailable) {
                throw new IllegalStateException("domain controller unreachable");
            }
            if (onPremisesRejectsOnce) {
                onPremisesRejectsOnce = false;
                e.setVariable("onPremisesRejection", "RECENTLY_USED");
                e.setVariable(Vars.PENDING_FIELD_ERRORS, "password=ONPREMISES_RECENTLY_USED");
                throw new BpmnError("ONPREMISES_REJECTED");
            }
            e.setVariable(AccountChangeVariables.ON_PREMISES_WRITTEN, true);
        });
        register("setCloudPasswordDelegate", e -> {
            if (cloudUnavailable) {
                throw new IllegalStateException("cloud directory unreachable");
            }
            if (cloudRejectsOnce) {
                if (Boolean.TRUE.equals(e.getVariable(EligibilityVariables.WRITEBACK_REQUIRED))) {
                    throw new IllegalStateException("the cloud directory's policy refused a password the on-premises directory accepted");
                }
                cloudRejectsOnce = false;
                e.setVariable(Vars.PENDING_FIELD_ERRORS, "password=CLOUD_RECENTLY_USED");
                throw new BpmnError("CLOUD_REJECTED");
            }
            e.setVariable(AccountChangeVariables.CLOUD_WRITTEN, true);
        });
        register("unlockAccountDelegate", this::writeBothDirectories);
        register("notifyUserDelegate", e -> declared(e, "noticeTemplate"));
        register("notifyAdministratorsDelegate", e -> { });
        register("notifyEscalationOutcomeDelegate", e -> declared(e, "noticeTemplate"));
        register("gatherEscalationFactsDelegate", e -> {
            declared(e, "recentJourneyKeys");
            e.setVariable(EscalationVariables.ESCALATION_REASON, "NOT_REGISTERED".equals(e.getVariable(EligibilityVariables.ELIGIBILITY_REASON))
                    ? "no recovery information registered" : "reason " + e.getVariable(EligibilityVariables.ELIGIBILITY_REASON));
            e.setVariable(EscalationVariables.METHODS_TRIED, "none");
            e.setVariable(EscalationVariables.RECENT_FAILED_PROOFS, failedProofs + " in the last 24 hours");
            e.setVariable(EscalationVariables.RECENT_JOURNEYS, 1L);
            e.setVariable(EscalationVariables.HANDOVER_PATH, "/staff/escalations/" + e.getProcessInstanceId());
        });
        register("followUpEscalationDelegate", e -> {
            declared(e, "followUpTask");
            e.setVariable(EscalationVariables.FOLLOWED_UP_AT, "now");
        });
        register("recordEscalationDecisionDelegate", e -> {
            e.setVariable(EscalationVariables.DECIDED_BY, "demo");
            e.setVariable(EscalationVariables.DECIDED_AT, "2026-11-25T11:00:00Z");
        });
        register("issueTemporaryPasswordDelegate", this::writeBothDirectories);
        register("blockSelfServiceDelegate", e -> selfServiceBlocks.put(e.getProcessInstanceId(), (String) e.getVariable(Vars.ACCOUNT_KEY)));
        register("gatherReportedJourneyFactsDelegate", e -> {
            declared(e, NotMeVariables.REPORTED_JOURNEY);
            e.setVariable(Vars.JOURNEY, reportedJourneyKind);
            e.setVariable(Vars.REQUESTED_AT, "2026-11-25T10:00:00Z");
            e.setVariable(Vars.CLIENT_ADDRESS, "192.0.2.10");
            e.setVariable(VerificationVariables.VERIFIED_METHODS, reportedVerifiedMethods);
            e.setVariable(Vars.NODE, "node-1");
        });
        register("liftSelfServiceBlockDelegate", e -> {
            if (!Boolean.TRUE.equals(e.getVariable(NotMeVariables.ACCOUNT_SECURED))) {
                throw FormFieldErrors.invalid(NotMeVariables.ACCOUNT_SECURED, "Secure the account first");
            }
            e.setVariable(NotMeVariables.SECURED_BY, "helen");
            e.setVariable(NotMeVariables.SECURED_AT, "2026-11-25T12:00:00Z");
            selfServiceBlocks.remove(e.getProcessInstanceId());
        });
        register("checkCurrentPasswordDelegate", e -> proof(e, CURRENT_PASSWORD.equals(e.getVariable(Vars.INPUT_PASSWORD)),
                "password", "PASSWORD_WRONG", "WRONG_PASSWORD"));
        register("checkContactsDelegate", e -> {
            Object email = e.getVariable(RegistrationVariables.INPUT_ALTERNATE_EMAIL);
            Object mobile = e.getVariable(RegistrationVariables.INPUT_MOBILE_PHONE);
            if ("not-an-address".equals(email)) {
                e.setVariable(Vars.PENDING_FIELD_ERRORS, "alternateEmail=EMAIL_INVALID");
                throw new BpmnError("INVALID_CONTACTS");
            }
            e.setVariable(RegistrationVariables.EMAIL_TO_VERIFY, email);
            e.setVariable(RegistrationVariables.MOBILE_TO_VERIFY, mobile);
        });
        register("offerQuestionsDelegate", e -> {
            e.setVariable(RegistrationVariables.QUESTION_OPTIONS, "[{\"value\":\"first-pet\",\"label\":\"question.first-pet\"}]");
            e.setVariable(RegistrationVariables.QUESTIONS_TO_REGISTER, 3);
        });
        register("offerAuthenticatorAppDelegate", e -> {
            e.setVariable(RegistrationVariables.AUTHENTICATOR_APP_OFFERED, authenticatorAppEnabled);
            if (authenticatorAppEnabled) {
                e.setVariable(RegistrationVariables.AUTHENTICATOR_APP_OPTIONS, authenticatorAppRegistered ? "keep,replace,remove" : "add,skip");
            }
        });
        register("saveAuthenticatorAppDelegate", e -> {
            String choice = String.valueOf(e.getVariable(RegistrationVariables.INPUT_AUTHENTICATOR_APP));
            if (choice.equals("add") || choice.equals("replace")) {
                if (!RIGHT_APP_CODE.equals(e.getVariable(RegistrationVariables.INPUT_CODE))) {
                    e.setVariable(Vars.PENDING_FIELD_ERRORS, "code=CODE_WRONG");
                    throw new BpmnError("WRONG_APP_CODE");
                }
                authenticatorAppRegistered = true;
            } else if (choice.equals("remove")) {
                authenticatorAppRegistered = false;
            }
        });
        register("offerPasskeyDelegate", e -> {
            e.setVariable(RegistrationVariables.PASSKEY_OFFERED, passkeyEnabled);
            if (passkeyEnabled) {
                e.setVariable(RegistrationVariables.PASSKEY_OPTIONS, passkeyRegistered ? "keep,add,remove:1" : "skip,add");
            }
        });
        register("issuePasskeyCreationDelegate", e -> { });
        register("savePasskeyDelegate", e -> {
            String choice = String.valueOf(e.getVariable(RegistrationVariables.INPUT_PASSKEY));
            if (choice.equals("add")) {
                if (!RIGHT_ATTESTATION.equals(e.getVariable(RegistrationVariables.INPUT_ATTESTATION_OBJECT))) {
                    e.setVariable(Vars.PENDING_FIELD_ERRORS, "clientDataJSON=PASSKEY_NOT_FOR_THIS_STEP");
                    throw new BpmnError("PASSKEY_REFUSED");
                }
                passkeyRegistered = true;
            } else if (choice.startsWith("remove:")) {
                passkeyRegistered = false;
            }
        });
        register("saveRegistrationDelegate", e -> {
            if ("same".equals(e.getVariable("answer1")) && "same".equals(e.getVariable("answer2"))) {
                e.setVariable(Vars.PENDING_FIELD_ERRORS, "answer2=ANSWER_DUPLICATE");
                throw new BpmnError("INVALID_ANSWERS");
            }
        });
        return this;
    }

    /**
     * What the journey API's preparations of a step ({@code camunda:property preparation=...}) add to the submitted
     * values, as transient strings stamped by the server (here with a stand-in stamp): the verdict on answers (right
     * when every one is {@link #RIGHT_ANSWER}), the hashes of new answers.
     */
    Map<String, String> prepare(String preparation, Map<String, Object> values) {
        return switch (preparation) {
            case "answerCheck" -> Map.of(VerificationVariables.ANSWER_VERDICT, "stamp:" + (RIGHT_ANSWER.equals(values.get("answer1"))
                    && RIGHT_ANSWER.equals(values.get("answer2")) && RIGHT_ANSWER.equals(values.get("answer3")) ? "RIGHT" : "WRONG"));
            case "answerHashing" -> Map.of(RegistrationVariables.ANSWER_HASHES, "stamp:{\"" + values.get("question1") + "\":\"hash\"}");
            default -> throw new AssertionError("no double for the preparation " + preparation);
        };
    }

    /** What the real step reads from an input parameter of its task: the model must declare it. */
    private static void declared(DelegateExecution e, String inputParameter) {
        if (e.getVariable(inputParameter) == null) {
            throw new AssertionError("the model declares no " + inputParameter + " for " + e.getCurrentActivityId());
        }
    }

    boolean called(String delegate) {
        return calls.contains(delegate);
    }

    private void register(String name, JavaDelegate behaviour) {
        Mocks.register(name, (JavaDelegate) execution -> {
            calls.add(name);
            behaviour.execute(execution);
        });
    }

    private void lookUpAccount(DelegateExecution e) {
        List<String> methods = split(registeredMethods);
        e.setVariable(Vars.USERNAME, e.getVariable(Vars.USERNAME));
        e.setVariable(Vars.ACCOUNT_KEY, e.getVariable(Vars.USERNAME));
        e.setVariable(EligibilityVariables.ACCOUNT_KNOWN, known);
        e.setVariable(Vars.DECOY, !known);
        e.setVariable(EligibilityVariables.IDENTITY_SOURCE, identitySource);
        e.setVariable(EligibilityVariables.ADMINISTRATOR, administrator);
        e.setVariable(EligibilityVariables.IN_SCOPE_GROUP, inScopeGroup);
        e.setVariable(Vars.REGISTERED_METHODS, registeredMethods);
        e.setVariable(EligibilityVariables.REGISTERED_METHOD_COUNT, methods.size());
        e.setVariable(EligibilityVariables.CODE_METHOD_COUNT, (int) methods.stream().filter(m -> !m.equals("QUESTIONS")).count());
        e.setVariable(EligibilityVariables.STRONG_METHOD_REGISTERED, methods.contains("AUTHENTICATOR_APP") || methods.contains("PASSKEY"));
        e.setVariable(EligibilityVariables.STRONG_METHOD_RULE, strongMethodRule);
        e.setVariable(EligibilityVariables.SSPR_SCOPE, scope);
        e.setVariable(EligibilityVariables.USER_GATES, userGates);
        e.setVariable(EligibilityVariables.WRITEBACK_ENABLED, writebackEnabled);
        e.setVariable(EligibilityVariables.WRITEBACK_REQUIRED, known && !identitySource.equals("cloud") && writebackEnabled);
        e.setVariable(EligibilityVariables.REVEAL_ELIGIBILITY, revealEligibility);
        e.setVariable(EligibilityVariables.PROTECTED_ACCOUNT, protectedAccount);
        e.setVariable(EligibilityVariables.RECONFIRMATION_DUE, reconfirmationDue);
    }

    /** The decoy is an ordinary cloud user with the typical methods; the real account and whether it exists are kept. */
    private void continueAsDecoy(DelegateExecution e) {
        e.setVariable(Vars.USERNAME, e.getVariable(Vars.USERNAME));
        e.setVariable(Vars.ACCOUNT_KEY, e.getVariable(Vars.ACCOUNT_KEY));
        e.setVariable(EligibilityVariables.ACCOUNT_KNOWN, e.getVariable(EligibilityVariables.ACCOUNT_KNOWN));
        e.setVariable(Vars.DECOY, true);
        e.setVariable(EligibilityVariables.IDENTITY_SOURCE, "cloud");
        e.setVariable(EligibilityVariables.ADMINISTRATOR, false);
        e.setVariable(EligibilityVariables.IN_SCOPE_GROUP, true);
        e.setVariable(Vars.REGISTERED_METHODS, "EMAIL,SMS,VOICE_MOBILE,QUESTIONS");
        e.setVariable(EligibilityVariables.REGISTERED_METHOD_COUNT, 4);
        e.setVariable(EligibilityVariables.CODE_METHOD_COUNT, 3);
        e.setVariable(EligibilityVariables.STRONG_METHOD_REGISTERED, false);
        e.setVariable(EligibilityVariables.RECONFIRMATION_DUE, false);
        e.setVariable(EligibilityVariables.PROTECTED_ACCOUNT, false);
        e.setVariable(EligibilityVariables.WRITEBACK_REQUIRED, false);
        e.setVariable(EligibilityVariables.GATES, userGates);
        e.setVariable(Vars.QUESTIONS_ALLOWED, true);
        e.setVariable(Vars.STRONG_METHOD_REQUIRED, false);
    }

    /** Unlocking and the temporary password write on-premises too when writeback applies. */
    private void writeBothDirectories(DelegateExecution e) {
        if (Boolean.TRUE.equals(e.getVariable(EligibilityVariables.WRITEBACK_REQUIRED))) {
            e.setVariable(AccountChangeVariables.ON_PREMISES_WRITTEN, true);
        }
        e.setVariable(AccountChangeVariables.CLOUD_WRITTEN, true);
    }

    private void offerMethods(DelegateExecution e) {
        List<String> used = split(e.getVariable(VerificationVariables.VERIFIED_METHODS));
        List<String> aside = split(e.getVariable(VerificationVariables.UNDELIVERABLE_METHODS));
        boolean questionsAllowed = JourneyFacts.isTrue(e, Vars.QUESTIONS_ALLOWED);
        List<String> strong = List.of("AUTHENTICATOR_APP", "PASSKEY");
        boolean strongOnly = JourneyFacts.isTrue(e, Vars.STRONG_METHOD_REQUIRED) && used.stream().noneMatch(strong::contains);
        List<String> offered = new ArrayList<>(split(JourneyFacts.get(e, Vars.REGISTERED_METHODS)).stream()
                .filter(m -> questionsAllowed || !m.equals("QUESTIONS"))
                .filter(m -> !used.contains(m))
                .filter(m -> !aside.contains(m))
                .filter(m -> !strongOnly || strong.contains(m))
                .toList());
        if (offered.isEmpty()) {
            throw new BpmnError("NO_METHOD_LEFT");
        }
        if (strongOnly) {
            offered.add("STRONG_METHOD_LOST");
        }
        e.setVariable(VerificationVariables.GATE, used.size() + 1);
        e.setVariable(VerificationVariables.METHOD_OPTIONS, String.join(",", offered));
    }

    private void proof(DelegateExecution e, boolean correct, String field, String fieldError, String bpmnError) {
        if (correct) {
            return;
        }
        failedProofs++;
        if (failedProofs >= maxFailedProofs) {
            e.setVariable(VerificationVariables.LOCKED_OUT_UNTIL, LOCKED_OUT_UNTIL);
            throw new BpmnError("LOCKED_OUT");
        }
        e.setVariable(Vars.PENDING_FIELD_ERRORS, field + "=" + fieldError);
        throw new BpmnError(bpmnError);
    }

    private static List<String> split(Object csv) {
        return csv == null || csv.toString().isBlank() ? List.of() : Arrays.asList(csv.toString().split(","));
    }

    /** What {@code journeySettings} gives the models: the defaults. */
    public static final class Settings {
        public String getCodeLifetime() {
            return "PT10M";
        }

        public String getIdleTimeout() {
            return "PT15M";
        }

        public String getSendRetryCycle() {
            return "R3/PT10S";
        }

        public String getDirectoryRetryCycle() {
            return "PT10S,PT30S,PT1M";
        }

        public String getEscalationFollowUp() {
            return "PT4H";
        }

        public String getEscalationDue() {
            return "PT8H";
        }

        public String getHelpdeskGroup() {
            return "helpdesk-admins";
        }

        public String getFollowUpGroup() {
            return "helpdesk-leads";
        }
    }
}
