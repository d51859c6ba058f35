package org.resetflow.bench.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ceiling reads whatever models the repository has; what it cannot stand in for stops it with the element named. */
class ModelScanTest {

    /** The repository's top level: Maven runs the bench's tests in bench/. */
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void theRepositorysModelsNameNothingTheCeilingCannotStandInFor() {
        StandIns.Models models = StandIns.read(REPOSITORY);

        assertTrue(models.scan().readsByProcess().containsKey(JourneyFacts.ENTRY_PROCESS), "the entry process is among the models");
        assertTrue(models.resources().resources().keySet().stream().anyMatch(name -> name.endsWith(".form")), "the forms are deployed too");
        assertTrue(models.factsByProcess().get(JourneyFacts.ENTRY_PROCESS).keySet().containsAll(Set.of("identitySource", "writebackRequired")),
                "the entry process gets the facts its decision and gateways read");
        assertTrue(models.scan().readsByProcess().get("identityVerification").contains("method")
                        && !models.factsByProcess().get("identityVerification").containsKey("method"),
                "what the user types (the method chosen) is read by the models but never seeded: it comes with the step, transient");
    }

    @Test
    void whatAProcessReadsComesFromItsExpressionsItsInMappingsItsDecisionsAndItsCallersOutMappings(@TempDir Path repository) throws IOException {
        write(repository, "processes/journey.bpmn", definitions("""
                <bpmn:process id="journey" isExecutable="true">
                  <bpmn:businessRuleTask id="decide" camunda:decisionRef="policy" />
                  <bpmn:callActivity id="callPart" calledElement="part">
                    <bpmn:extensionElements>
                      <camunda:in source="fromCaller" target="given" />
                      <camunda:out source="fromPart" target="taken" />
                    </bpmn:extensionElements>
                  </bpmn:callActivity>
                  <bpmn:sequenceFlow id="f" sourceRef="decide" targetRef="callPart">
                    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${administrator &amp;&amp; execution.getVariable('x') != 'a.b'}</bpmn:conditionExpression>
                  </bpmn:sequenceFlow>
                </bpmn:process>
                <bpmn:process id="part" isExecutable="true">
                  <bpmn:serviceTask id="work" camunda:delegateExpression="${workDelegate}" />
                </bpmn:process>
                """));
        write(repository, "processes/policy.dmn", """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="policy"><decisionTable><input><inputExpression typeRef="string"><text>${identitySource}</text></inputExpression></input></decisionTable></decision>
                </definitions>
                """);

        ModelScan scan = ModelScan.of(ProductModels.read(repository), JourneyFacts.FACTS.keySet()).check();

        assertEquals(Set.of("administrator", "x", "fromCaller", "identitySource"), scan.readsByProcess().get("journey"));
        assertEquals(Set.of("fromPart"), scan.readsByProcess().get("part"));
        assertEquals(Set.of("workDelegate"), scan.delegateBeans());
    }

    @Test
    void whatACalledProcessReadsThroughJourneyFactsTheJourneyIsGiven(@TempDir Path repository) throws IOException {
        write(repository, "processes/journey.bpmn", definitions("""
                <bpmn:process id="passwordReset" isExecutable="true">
                  <bpmn:callActivity id="callPart" calledElement="part" />
                </bpmn:process>
                <bpmn:process id="part" isExecutable="true">
                  <bpmn:endEvent id="done">
                    <bpmn:extensionElements>
                      <camunda:executionListener event="start" expression="${journeyFacts.set(execution, 'outcome', 'DONE')}" />
                    </bpmn:extensionElements>
                  </bpmn:endEvent>
                  <bpmn:sequenceFlow id="f" sourceRef="a" targetRef="done">
                    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${journeyFacts.of(execution, 'identitySource') == 'cloud' &amp;&amp; journeyFacts.isTrue(execution, 'decoy')}</bpmn:conditionExpression>
                  </bpmn:sequenceFlow>
                </bpmn:process>
                """));

        StandIns.Models models = new StandIns.Models(ProductModels.read(repository),
                ModelScan.of(ProductModels.read(repository), JourneyFacts.FACTS.keySet()).check());

        assertTrue(models.scan().journeyFactsUsed(), "the product's journeyFacts is stood in for");
        assertEquals(Set.of("identitySource", "decoy"), models.scan().journeyReads());
        assertEquals(Set.of("identitySource", "decoy"), models.factsByProcess().get(JourneyFacts.ENTRY_PROCESS).keySet());
        assertEquals(Set.of(), models.factsByProcess().getOrDefault("part", Map.of()).keySet());
    }

    @Test
    void settingsGetStandInValuesByWhereTheModelsUseThem(@TempDir Path repository) throws IOException {
        write(repository, "processes/journey.bpmn", definitions("""
                <bpmn:process id="journey" isExecutable="true">
                  <bpmn:userTask id="review" camunda:candidateGroups="${settings.staffGroup}" />
                  <bpmn:boundaryEvent id="idle" attachedToRef="review">
                    <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${settings.idleTimeout}</bpmn:timeDuration></bpmn:timerEventDefinition>
                  </bpmn:boundaryEvent>
                </bpmn:process>
                """));

        ModelScan scan = ModelScan.of(ProductModels.read(repository), JourneyFacts.FACTS.keySet()).check();

        assertEquals(Map.of("settings", Map.of("staffGroup", "ceiling-staff", "idleTimeout", "PT15M")), scan.settingsBeans());
    }

    @Test
    void aBeanMethodAClassAnInjectedFieldOrASettingWithoutAStandInStopsTheCeilingNamingTheElement(@TempDir Path repository) throws IOException {
        write(repository, "processes/journey.bpmn", definitions("""
                <bpmn:process id="journey" isExecutable="true">
                  <bpmn:serviceTask id="compute" camunda:expression="${calculator.compute(execution)}" />
                  <bpmn:serviceTask id="legacy" camunda:class="org.example.Legacy" />
                  <bpmn:serviceTask id="configured" camunda:delegateExpression="${sender}">
                    <bpmn:extensionElements><camunda:field name="channel" stringValue="sms" /></bpmn:extensionElements>
                  </bpmn:serviceTask>
                  <bpmn:userTask id="review" camunda:priority="${settings.reviewPriority}" />
                </bpmn:process>
                """));

        ModelScan scan = ModelScan.of(ProductModels.read(repository), JourneyFacts.FACTS.keySet());
        IllegalStateException failure = assertThrows(IllegalStateException.class, scan::check);

        assertEquals(4, scan.problems().size(), scan.problems()::toString);
        assertTrue(failure.getMessage().contains("id=\"compute\"") && failure.getMessage().contains("calculator.compute()"), failure::getMessage);
        assertTrue(failure.getMessage().contains("org.example.Legacy"), failure::getMessage);
        assertTrue(failure.getMessage().contains("${settings.reviewPriority}"), failure::getMessage);
        assertTrue(failure.getMessage().contains("id=\"configured\"") && failure.getMessage().contains("camunda:field"), failure::getMessage);
    }

    private static String definitions(String processes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
                %s
                </bpmn:definitions>
                """.formatted(processes);
    }

    private static void write(Path repository, String name, String text) throws IOException {
        Path file = repository.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.strip());
    }
}
