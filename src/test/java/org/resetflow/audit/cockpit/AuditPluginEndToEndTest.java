package org.resetflow.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit's REST resources over HTTP, signed in to Cockpit as a browser is, against the journeys of
 * {@link AuditJourneys}: every figure equals what those journeys did.
 */
class AuditPluginEndToEndTest extends AuditTestApplication {

    @Autowired
    AuthorizationService authorizationService;

    CockpitSession demo() {
        return CockpitSession.signIn(base(), "demo", "demo");
    }

    @Test
    void cockpitLoadsThePlugin() {
        CockpitSession anonymous = CockpitSession.anonymous(base());
        assertThat(anonymous.get("/camunda/app/cockpit/default/").body()).contains(AuditPlugin.ID);
        HttpResponse<String> script = anonymous.get(CockpitSession.AUDIT.replace("/default/", "/static/") + "app/plugin.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("cockpit.dashboard", "cockpit.navigation", "cockpit.route");
    }

    @Test
    void theSummaryCountsExactlyTheJourneysThatRan() {
        AuditJourneys.assertSummaryCountsThem(demo().auditJson("summary"), journeys);
    }

    @Test
    void aCodesDeliveryIsNoJourneyThoughItIsARootInstanceWithTheJourneysFlowId() {
        long deliveries = history.createHistoricProcessInstanceQuery().processDefinitionKey("codeDelivery").rootProcessInstances().count();
        assertThat(deliveries).as("one per code the journeys asked for, the decoy's too").isEqualTo(7);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("codeDelivery")
                .processInstanceBusinessKey(journeys.aliceFlowId()).count()).isEqualTo(1);
        JsonNode summary = demo().auditJson("summary");
        assertThat(summary.path("journeys").asLong()).isEqualTo(8);
        assertThat(demo().auditJson("journeys?search=" + journeys.aliceFlowId()).path("total").asLong()).as("alice's flow is one journey").isEqualTo(1);
    }

    @Test
    void theListShowsEachJourneyWithItsMethodsAndALinkTarget() {
        CockpitSession demo = demo();
        JsonNode all = demo.auditJson("journeys");
        assertThat(all.path("total").asLong()).isEqualTo(8);
        assertThat(all.path("journeys")).hasSize(8);

        JsonNode alice = demo.auditJson("journeys?search=ALI").path("journeys");
        assertThat(alice).hasSize(1);
        assertThat(alice.get(0).path("username").asText()).isEqualTo("alice");
        assertThat(alice.get(0).path("flowId").asText()).isEqualTo(journeys.aliceFlowId());
        assertThat(alice.get(0).path("processInstanceId").asText()).isEqualTo(journeys.aliceInstance());
        assertThat(alice.get(0).path("journey").asText()).isEqualTo("reset");
        assertThat(alice.get(0).path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(texts(alice.get(0).path("methods"))).containsExactly("EMAIL");
        assertThat(alice.get(0).path("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(alice.get(0).path("ended").asText()).isGreaterThan(alice.get(0).path("started").asText());

        JsonNode dave = demo.auditJson("journeys?method=SMS").path("journeys");
        assertThat(dave).hasSize(1);
        assertThat(texts(dave.get(0).path("methods"))).containsExactly("EMAIL", "SMS");
        assertThat(texts(dave.get(0).path("verifiedMethods"))).containsExactly("EMAIL", "SMS");

        assertThat(demo.auditJson("journeys?outcome=completed").path("total").asLong()).isEqualTo(4);
        assertThat(demo.auditJson("journeys?journey=unlock").path("journeys").get(0).path("username").asText()).isEqualTo("gina");
        JsonNode frank = demo.auditJson("journeys?outcome=REFUSED").path("journeys").get(0);
        assertThat(frank.path("username").asText()).isEqualTo("frank");
        assertThat(frank.path("reason").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(demo.auditJson("journeys?search=" + journeys.carolFlowId()).path("journeys").get(0).path("username").asText()).isEqualTo("carol");
        assertThat(demo.auditJson("journeys?search=bob_").path("total").asLong()).as("_ is no wildcard").isZero();

        JsonNode hostile = demo.auditJson("journeys?outcome=ACTIVE").path("journeys").get(0);
        assertThat(hostile.path("username").asText()).isEqualTo(AuditJourneys.HOSTILE_USERNAME);
        assertThat(hostile.path("accountKnown").asBoolean()).isFalse();
        assertThat(texts(hostile.path("methods"))).containsExactly("EMAIL");
    }

    @Test
    void theListIsPagedNewestFirst() {
        CockpitSession demo = demo();
        List<String> flowIds = new ArrayList<>();
        List<String> started = new ArrayList<>();
        for (int first = 0; first < 8; first += 3) {
            JsonNode page = demo.auditJson("journeys?maxResults=3&firstResult=" + first);
            assertThat(page.path("total").asLong()).isEqualTo(8);
            assertThat(page.path("journeys")).hasSize(Math.min(3, 8 - first));
            page.path("journeys").forEach(journey -> {
                flowIds.add(journey.path("flowId").asText());
                started.add(journey.path("started").asText());
            });
        }
        assertThat(flowIds).doesNotHaveDuplicates().hasSize(8);
        // as instants: "…:56Z" (a whole second) sorts before "…:56.750Z" as text, but is earlier
        assertThat(started).isSortedAccordingTo((a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));
        assertThat(flowIds.get(0)).isEqualTo(journeys.hostileFlowId());
    }

    @Test
    void theExportIsOneCsvLinePerJourneyWithFormulasDefused() {
        HttpResponse<String> csv = demo().audit("journeys.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).matches("attachment; filename=\"resetflow-journeys-\\d{4}-\\d{2}-\\d{2}-30d\\.csv\""));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(1 + 8);
        assertThat(lines.get(0)).startsWith("flow id,process instance,user,journey,started,ended,methods tried,verified by,outcome");
        assertThat(lines).filteredOn(line -> line.startsWith(journeys.aliceFlowId() + ",")).singleElement()
                .satisfies(line -> assertThat(line).contains(",alice,reset,", ",EMAIL,EMAIL,COMPLETED,USER,"));
        assertThat(lines).filteredOn(line -> line.startsWith(journeys.hostileFlowId() + ",")).singleElement()
                .satisfies(line -> assertThat(line).contains(",\"'=HYPERLINK(\"\"https://evil.example\"\")"));
        assertThat(lines).noneMatch(line -> line.contains(",=") || line.contains(",\"="));

        assertThat(demo().audit("journeys.csv?outcome=COMPLETED&journey=reset").body().lines()).hasSize(1 + 3);
        assertThat(demo().audit("journeys.csv").headers().firstValue("X-Total-Count")).contains("8");
    }

    @Test
    void badInputGetsAClear400() {
        CockpitSession demo = demo();
        Map<String, String> badRequests = Map.of(
                "summary?days=-5", "'days'",
                "summary?days=367", "'days'",
                "journeys?maxResults=1000000000", "'maxResults'",
                "journeys?maxResults=10%5E9", "'maxResults'",
                "journeys?firstResult=-1", "'firstResult'",
                "journeys?search=" + CockpitSession.encode("alice' OR '1'='1"), "'search'",
                "journeys?search=" + CockpitSession.encode("x".repeat(101)), "'search'",
                "journeys?outcome=" + CockpitSession.encode("COMPLETED; DROP TABLE ACT_HI_PROCINST"), "'outcome'",
                "journeys.csv?method=PIGEON", "'method'",
                "journeys.csv?journey=reset%25", "'journey'");
        badRequests.forEach((request, named) -> {
            HttpResponse<String> response = demo.audit(request);
            assertThat(response.statusCode()).as(request).isEqualTo(400);
            assertThat(CockpitSession.json(response).path("message").asText()).as(request).contains(named);
            assertThat(response.body()).as(request).doesNotContain("at org.", "Exception:", "SQL");
        });
        assertThat(demo.auditJson("journeys?search=nobody").path("total").asLong()).as("still all there").isZero();
        assertThat(demo.auditJson("journeys").path("total").asLong()).isEqualTo(8);
    }

    @Test
    void onlyAdministratorsAndProcessOwnersGetIn() {
        CockpitSession anonymous = CockpitSession.anonymous(base());
        for (String resource : List.of("summary", "journeys", "journeys.csv")) {
            assertThat(anonymous.audit(resource).statusCode()).as("anonymous " + resource).isIn(401, 403);
        }

        // olivia is a process owner in the demo directory; helen is helpdesk only, let into Cockpit here for the test
        grantCockpit("helen");
        CockpitSession owner = CockpitSession.signIn(base(), "olivia", "Demo-Passw0rd!");
        assertThat(owner.auditJson("summary").path("journeys").asLong()).isEqualTo(8);
        assertThat(owner.audit("journeys.csv").statusCode()).isEqualTo(200);

        CockpitSession helpdesk = CockpitSession.signIn(base(), "helen", "Demo-Passw0rd!");
        for (String resource : List.of("summary", "journeys", "journeys.csv", "summary?days=-5")) {
            HttpResponse<String> refused = helpdesk.audit(resource);
            assertThat(refused.statusCode()).as("helpdesk " + resource).isEqualTo(403);
            assertThat(CockpitSession.json(refused).path("message").asText()).contains("process-owners");
        }
    }

    /** Lets a staff member into Cockpit itself (the helpdesk group has no Cockpit), so that the audit's own check is what refuses. */
    private void grantCockpit(String id) {
        if (authorizationService.createAuthorizationQuery().userIdIn(id).resourceType(Resources.APPLICATION).resourceId("cockpit").count() > 0) {
            return;
        }
        Authorization cockpit = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        cockpit.setUserId(id);
        cockpit.setResource(Resources.APPLICATION);
        cockpit.setResourceId("cockpit");
        cockpit.addPermission(Permissions.ACCESS);
        authorizationService.saveAuthorization(cockpit);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
