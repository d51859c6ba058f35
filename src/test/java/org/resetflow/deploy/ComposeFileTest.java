package org.resetflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml}, checked without a container engine: against the Compose Specification's JSON schema
 * (vendored in {@code deploy/compose-spec}), and for what makes it a small production cluster (docs/deployment.md):
 * two identical ResetFlow nodes on the postgres profile behind a load balancer that routes to both, a health check
 * on every service, the secret required, and no setting passed to ResetFlow that the application does not have.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
    private static final Path SCHEMA = Path.of("deploy/compose-spec/compose-spec.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Variables a ResetFlow node may get that are not application settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("JAVA_TOOL_OPTIONS");

    private static String text;
    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(COMPOSE_FILE);
        compose = yaml(text);
    }

    /** As Compose reads it: anchors and aliases resolved (SnakeYAML, which Spring Boot brings), then as JSON. */
    private static JsonNode yaml(String document) {
        return JSON.valueToTree(new Yaml(new LoaderOptions()).load(document));
    }

    private static List<Error> validate(JsonNode document) throws IOException {
        try (InputStream schemaText = Files.newInputStream(SCHEMA)) {
            // the file's own address as the base of its relative $id (compose_spec.json) and its references
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(SchemaLocation.of(SCHEMA.toAbsolutePath().toUri().toString()), schemaText, InputFormat.JSON);
            return schema.validate(document);
        }
    }

    @Test
    void followsTheComposeSpecification() throws IOException {
        assertThat(validate(compose)).extracting(Error::toString).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatComposeRefuses() throws IOException {
        JsonNode broken = yaml("""
                services:
                  resetflow:
                    image: resetflow
                    healthcheck:
                      test: ["CMD", "true"]
                      every: 5s
                    ports: "8080:8080"
                """);
        assertThat(validate(broken)).extracting(Error::toString)
                .anyMatch(error -> error.contains("every"))
                .anyMatch(error -> error.contains("/ports"));
    }

    @Test
    void twoIdenticalResetFlowNodesOnThePostgresProfile() {
        Map<String, JsonNode> nodes = resetFlowNodes();
        assertThat(nodes).hasSize(2);
        List<JsonNode> environments = nodes.values().stream().map(node -> node.path("environment")).toList();
        assertThat(environments.get(0)).isEqualTo(environments.get(1));
        JsonNode environment = environments.get(0);
        assertThat(environment.path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("postgres");
        assertThat(environment.path("RESETFLOW_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:");
        assertThat(environment.path("RESETFLOW_DIRECTORY_CLOUD_URL").asText()).isEqualTo("ldap://openldap:389");
        assertThat(environment.path("RESETFLOW_POLICY_WRITEBACKENABLED").asText()).isEqualTo("false");
        for (JsonNode node : nodes.values()) {
            assertThat(node.has("ports")).as("a node is reached through the load balancer only").isFalse();
            assertThat(node.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(node.path("depends_on").path("openldap").path("condition").asText()).isEqualTo("service_healthy");
        }
    }

    @Test
    void theSecretIsRequiredAndHasNoDefault() {
        for (JsonNode node : resetFlowNodes().values()) {
            assertThat(node.path("environment").path("RESETFLOW_SECURITY_SECRET").asText()).matches("\\$\\{RESETFLOW_SECURITY_SECRET:\\?.+}");
        }
    }

    @Test
    void everyDefaultCredentialIsMarkedAsADemoOne() {
        Matcher defaults = Pattern.compile("\\$\\{([A-Z_]*(PASSWORD|SECRET)[A-Z_]*):-[^}]*}.*").matcher(text);
        int found = 0;
        while (defaults.find()) {
            found++;
            assertThat(defaults.group()).as(defaults.group(1)).contains("# DEMO default");
        }
        assertThat(found).isPositive();
    }

    @Test
    void everyServiceHasAHealthCheck() throws IOException {
        compose.path("services").fields().forEachRemaining(service ->
                assertThat(service.getValue().path("healthcheck").path("test").size()).as(service.getKey()).isPositive());
        for (JsonNode node : resetFlowNodes().values()) {
            assertThat(node.path("healthcheck").path("test").toString()).contains("/actuator/health/readiness");
        }
        JsonNode application = yaml(Files.readString(Path.of("src/main/resources/application.yml")));
        assertThat(application.at("/management/endpoint/health/probes/enabled").asBoolean())
                .as("the readiness probe the health check asks is enabled").isTrue();
    }

    @Test
    void theLoadBalancerRoutesToBothNodes() throws IOException {
        JsonNode balancer = compose.path("services").path("loadbalancer");
        assertThat(balancer.path("image").asText()).startsWith("nginx:");
        assertThat(balancer.path("ports").toString()).contains("8080:8080");
        String mounted = balancer.path("volumes").get(0).asText();
        assertThat(mounted).startsWith("./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf");
        String config = Files.readString(Path.of("deploy/nginx/nginx.conf"));
        Set<String> nodes = resetFlowNodes().keySet().stream().map(name -> name + ":8080").collect(Collectors.toSet());
        Map<String, Set<String>> upstreams = upstreams(config);
        assertThat(upstreams).containsKeys("resetflow", "resetflow_staff");
        upstreams.values().forEach(servers -> assertThat(servers).isEqualTo(nodes));
        assertThat(config).containsPattern("location / \\{\\s*proxy_pass http://resetflow;");
        assertThat(config).containsPattern("location ~ \\^/\\(camunda\\|engine-rest\\|staff\\)\\(/\\|\\$\\) \\{\\s*proxy_pass http://resetflow_staff;");
        for (JsonNode node : resetFlowNodes().values()) {
            assertThat(balancer.path("depends_on").has(nodeName(node))).isTrue();
        }
    }

    @Test
    void everySettingPassedToResetFlowExists() throws IOException {
        Set<String> properties = knownProperties();
        String configuration = Stream.of("application.yml", "application-postgres.yml")
                .map(name -> read(Path.of("src/main/resources", name))).collect(Collectors.joining("\n"));
        List<String> unknown = new ArrayList<>();
        resetFlowNodes().values().iterator().next().path("environment").fieldNames().forEachRemaining(variable -> {
            boolean placeholder = configuration.contains("${" + variable + ":") || configuration.contains("${" + variable + "}");
            if (!placeholder && !NOT_SETTINGS.contains(variable) && !properties.contains(canonical(variable))) {
                unknown.add(variable);
            }
        });
        assertThat(unknown).as("variables that name no setting of the application").isEmpty();
    }

    @Test
    void theSettingCheckRefusesANameThatIsNotASetting() throws IOException {
        Set<String> properties = knownProperties();
        assertThat(properties).contains(canonical("RESETFLOW_CHANNELS_MAILFROM"), canonical("SPRING_MAIL_HOST"),
                canonical("RESETFLOW_POLICY_SCOPEGROUPS"), canonical("SERVER_FORWARDHEADERSSTRATEGY"));
        // the name the earlier compose file used: Spring binds it to resetflow.channels.mail.from, which is no setting
        assertThat(properties).doesNotContain(canonical("RESETFLOW_CHANNELS_MAIL_FROM"));
    }

    @Test
    void theDirectoryHasTheDemoAccountsOfTheEmbeddedSeed() throws IOException {
        Set<String> embedded = uids(Path.of("src/main/resources/directory/cloud-seed.ldif"));
        Set<String> bundled = uids(Path.of("deploy/openldap/cloud-seed.ldif"));
        assertThat(bundled).containsAll(embedded).contains("demo");
        assertThat(Files.readString(Path.of("deploy/openldap/cloud-seed.ldif"))).doesNotContain("userPassword: Demo-Passw0rd!");
    }

    private static Set<String> uids(Path ldif) throws IOException {
        return Files.readAllLines(ldif).stream().filter(line -> line.startsWith("uid: ")).map(line -> line.substring(5).trim())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The services built from this repository's Dockerfile, by name. */
    private static Map<String, JsonNode> resetFlowNodes() {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(service -> {
            if (service.getValue().path("build").asText().equals(".")) {
                nodes.put(service.getKey(), service.getValue());
            }
        });
        return nodes;
    }

    private static String nodeName(JsonNode node) {
        for (Map.Entry<String, JsonNode> entry : resetFlowNodes().entrySet()) {
            if (entry.getValue() == node) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("not a node");
    }

    /** nginx's upstream blocks: name to the addresses of their servers. */
    static Map<String, Set<String>> upstreams(String config) {
        Map<String, Set<String>> upstreams = new LinkedHashMap<>();
        Matcher block = Pattern.compile("upstream\\s+(\\S+)\\s*\\{([^}]*)}").matcher(config);
        while (block.find()) {
            Set<String> servers = new HashSet<>();
            Matcher server = Pattern.compile("(?m)^\\s*server\\s+(\\S+?)[\\s;]").matcher(block.group(2));
            while (server.find()) {
                servers.add(server.group(1));
            }
            upstreams.put(block.group(1), Collections.unmodifiableSet(servers));
        }
        return upstreams;
    }

    /**
     * Every property the application can bind: the configuration metadata of ResetFlow (its annotation processor) and
     * of every library on the class path (Spring Boot, Camunda), in canonical form.
     */
    private static Set<String> knownProperties() throws IOException {
        Set<String> properties = new HashSet<>();
        var resources = ComposeFileTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        boolean ownFound = false;
        while (resources.hasMoreElements()) {
            URL resource = resources.nextElement();
            try (InputStream in = resource.openStream()) {
                for (JsonNode property : JSON.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    properties.add(name.toLowerCase().replace("-", ""));
                    ownFound |= name.startsWith("resetflow.");
                }
            }
        }
        assertThat(ownFound).as("ResetFlow's own configuration metadata is on the class path").isTrue();
        return properties;
    }

    /** Spring Boot's binding of an environment variable: {@code RESETFLOW_POLICY_SCOPEGROUPS} is {@code resetflow.policy.scopegroups}. */
    private static String canonical(String variable) {
        return variable.toLowerCase().replace('_', '.');
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
