package org.resetflow.bench.ceiling;

/**
 * A model of the same shape as ResetFlow's email reset journey (processes/password-reset.bpmn and the two it
 * calls), with no-op delegates: 3 user tasks with their idle and code-lifetime timers, 12 service tasks (11 and
 * the eligibility decision), 2 call activities passing the business key down, the same 3 asynchronous
 * continuations (sending the code, setting the cloud password, notifying the user), the gateways, and the
 * message event subprocess that every reset journey subscribes to.
 */
final class CeilingModel {

    static final String ROOT = "ceilingReset";

    private CeilingModel() {
    }

    static String reset() {
        return definitions(ROOT, """
                <startEvent id="resetRequested" />
                <sequenceFlow id="f1" sourceRef="resetRequested" targetRef="lookUpAccount" />
                %s
                <sequenceFlow id="f2" sourceRef="lookUpAccount" targetRef="checkEligibility" />
                %s
                <sequenceFlow id="f3" sourceRef="checkEligibility" targetRef="eligibleGateway" />
                <exclusiveGateway id="eligibleGateway" default="f4" />
                <sequenceFlow id="f4" sourceRef="eligibleGateway" targetRef="joinVerification" />
                <sequenceFlow id="f4b" sourceRef="eligibleGateway" targetRef="refused">
                  <conditionExpression xsi:type="tFormalExpression">${false}</conditionExpression>
                </sequenceFlow>
                <endEvent id="refused" />
                <exclusiveGateway id="joinVerification" />
                <sequenceFlow id="f5" sourceRef="joinVerification" targetRef="verifyIdentity" />
                <callActivity id="verifyIdentity" calledElement="ceilingIdentity">
                  <extensionElements>
                    <camunda:in businessKey="#{execution.processBusinessKey}" />
                    <camunda:in variables="all" />
                  </extensionElements>
                </callActivity>
                <sequenceFlow id="f6" sourceRef="verifyIdentity" targetRef="setPassword" />
                %s
                <sequenceFlow id="f7" sourceRef="setPassword" targetRef="checkNewPassword" />
                %s
                <sequenceFlow id="f8" sourceRef="checkNewPassword" targetRef="writebackGateway" />
                <exclusiveGateway id="writebackGateway" default="f9" />
                <sequenceFlow id="f9" sourceRef="writebackGateway" targetRef="setCloudPassword" />
                <sequenceFlow id="f9b" sourceRef="writebackGateway" targetRef="refused">
                  <conditionExpression xsi:type="tFormalExpression">${false}</conditionExpression>
                </sequenceFlow>
                %s
                <sequenceFlow id="f10" sourceRef="setCloudPassword" targetRef="passwordWasReset" />
                <intermediateThrowEvent id="passwordWasReset" />
                <sequenceFlow id="f11" sourceRef="passwordWasReset" targetRef="notifyUser" />
                %s
                <sequenceFlow id="f12" sourceRef="notifyUser" targetRef="administratorGateway" />
                <exclusiveGateway id="administratorGateway" default="f13" />
                <sequenceFlow id="f13" sourceRef="administratorGateway" targetRef="completed" />
                <sequenceFlow id="f13b" sourceRef="administratorGateway" targetRef="refused">
                  <conditionExpression xsi:type="tFormalExpression">${false}</conditionExpression>
                </sequenceFlow>
                <endEvent id="completed"><terminateEventDefinition /></endEvent>
                <subProcess id="directoryWriteFailing" triggeredByEvent="true">
                  <startEvent id="writeFailing" isInterrupting="false"><messageEventDefinition messageRef="writeFailingMessage" /></startEvent>
                  <sequenceFlow id="s1" sourceRef="writeFailing" targetRef="writeFailingEnd" />
                  <endEvent id="writeFailingEnd" />
                </subProcess>
                """.formatted(service("lookUpAccount", false), service("checkEligibility", false),
                        userTask("setPassword", "PT15M"), service("checkNewPassword", false),
                        service("setCloudPassword", true), service("notifyUser", true)))
                .replace("</definitions>", "<message id=\"writeFailingMessage\" name=\"ceilingWriteFailing\" /></definitions>");
    }

    static String identity() {
        return definitions("ceilingIdentity", """
                <startEvent id="verificationRequested" />
                <sequenceFlow id="f1" sourceRef="verificationRequested" targetRef="checkSelfServiceLockout" />
                %s
                <sequenceFlow id="f2" sourceRef="checkSelfServiceLockout" targetRef="offerMethods" />
                %s
                <sequenceFlow id="f3" sourceRef="offerMethods" targetRef="chooseMethod" />
                %s
                <sequenceFlow id="f4" sourceRef="chooseMethod" targetRef="matchContact" />
                %s
                <sequenceFlow id="f5" sourceRef="matchContact" targetRef="methodGateway" />
                <exclusiveGateway id="methodGateway" default="f6" />
                <sequenceFlow id="f6" sourceRef="methodGateway" targetRef="verifyCode" />
                <sequenceFlow id="f6b" sourceRef="methodGateway" targetRef="identityVerified">
                  <conditionExpression xsi:type="tFormalExpression">${false}</conditionExpression>
                </sequenceFlow>
                <callActivity id="verifyCode" calledElement="ceilingCode">
                  <extensionElements>
                    <camunda:in businessKey="#{execution.processBusinessKey}" />
                    <camunda:in variables="all" />
                  </extensionElements>
                </callActivity>
                <sequenceFlow id="f7" sourceRef="verifyCode" targetRef="recordProof" />
                %s
                <sequenceFlow id="f8" sourceRef="recordProof" targetRef="moreGatesGateway" />
                <exclusiveGateway id="moreGatesGateway" default="f9" />
                <sequenceFlow id="f9" sourceRef="moreGatesGateway" targetRef="identityVerified" />
                <sequenceFlow id="f9b" sourceRef="moreGatesGateway" targetRef="offerMethods">
                  <conditionExpression xsi:type="tFormalExpression">${false}</conditionExpression>
                </sequenceFlow>
                <endEvent id="identityVerified" />
                """.formatted(service("checkSelfServiceLockout", false), service("offerMethods", false),
                        userTask("chooseMethod", "PT15M"), service("matchContact", false), service("recordProof", false)));
    }

    static String code() {
        return definitions("ceilingCode", """
                <startEvent id="codeRequested" />
                <sequenceFlow id="f1" sourceRef="codeRequested" targetRef="issueCode" />
                %s
                <sequenceFlow id="f2" sourceRef="issueCode" targetRef="sendCode" />
                %s
                <sequenceFlow id="f3" sourceRef="sendCode" targetRef="enterCode" />
                %s
                <boundaryEvent id="codeLifetimeOver" attachedToRef="enterCode">
                  <timerEventDefinition><timeDuration>PT10M</timeDuration></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="f3b" sourceRef="codeLifetimeOver" targetRef="codeVerified" />
                <sequenceFlow id="f4" sourceRef="enterCode" targetRef="checkCode" />
                %s
                <sequenceFlow id="f5" sourceRef="checkCode" targetRef="codeVerified" />
                <endEvent id="codeVerified" />
                """.formatted(service("issueCode", false), service("sendCode", true), userTask("enterCode", "PT15M"),
                        service("checkCode", false)));
    }

    private static String service(String id, boolean async) {
        return "<serviceTask id=\"%s\" camunda:delegateExpression=\"${noop}\"%s />"
                .formatted(id, async ? " camunda:asyncBefore=\"true\"" : "");
    }

    /** A user task with an interrupting idle timer, as every user-facing step of ResetFlow has. */
    private static String userTask(String id, String idle) {
        return """
                <userTask id="%1$s" />
                <boundaryEvent id="%1$sIdle" attachedToRef="%1$s">
                  <timerEventDefinition><timeDuration>%2$s</timeDuration></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="%1$sIdleFlow" sourceRef="%1$sIdle" targetRef="%1$sIdleEnd" />
                <endEvent id="%1$sIdleEnd" />
                """.formatted(id, idle);
    }

    private static String definitions(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             targetNamespace="https://resetflow.org/bench">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="180">
                %s
                  </process>
                </definitions>
                """.formatted(key, body);
    }
}
