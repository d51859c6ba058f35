package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;

/** Every file in processes/ and forms/ deploys, and every model keeps its history for a limited time. */
class ModelsDeployTest {

    @Test
    void allModelsAndFormsDeploy() throws IOException {
        RepositoryService repository = ProcessEngines.engine().getRepositoryService();
        DeploymentBuilder builder = repository.createDeployment().name("models-deploy-test");
        List<Path> files;
        try (Stream<Path> processes = Files.list(Path.of("processes")); Stream<Path> forms = Files.list(Path.of("forms"))) {
            files = Stream.concat(processes, forms).toList();
        }
        for (Path file : files) {
            builder.addString(file.getFileName().toString(), Files.readString(file));
        }
        Deployment deployment = builder.deploy();
        try {
            assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list())
                    .extracting("key")
                    .containsExactlyInAnyOrder("passwordReset", "accountUnlock", "identityVerification", "codeVerification", "recoveryRegistration",
                            "accountCheck", "identityProof", "helpdeskEscalation", "directoryWriteFailing", "notMeReport", "codeDelivery");
            assertThat(repository.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list())
                    .extracting("key").containsExactly("eligibility");
            assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list())
                    .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isPositive());
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
