package org.resetflow.journey;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.resetflow.engine.EngineProperties;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.shared.JourneyKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Flows as the public API knows them: a random id, the process instance, and only the keyed hash of the bearer
 * token that the client must send back. A wrong token and an unknown flow look the same.
 */
@Repository
class Flows {

    record Flow(String flowId, JourneyKind kind, String processInstanceId) {
    }

    record NewFlow(String flowId, String token) {
    }

    private final JdbcClient jdbc;
    private final KeyedHasher hasher;
    private final Clock clock;
    private final Duration retention;
    private final SecureRandom random = new SecureRandom();

    Flows(JdbcClient jdbc, KeyedHasher hasher, Clock clock, EngineProperties engine) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.clock = clock;
        this.retention = engine.flowRetention();
    }

    /** Flows outlive their journeys only as long as the journeys' history does. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT5M")
    int purgeOld() {
        return jdbc.sql("DELETE FROM rf_flow WHERE created_at < ?").param(Timestamp.from(clock.instant().minus(retention))).update();
    }

    NewFlow allocate() {
        byte[] token = new byte[32];
        random.nextBytes(token);
        return new NewFlow(UUID.randomUUID().toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }

    void save(NewFlow flow, JourneyKind kind, String processInstanceId) {
        jdbc.sql("INSERT INTO rf_flow (flow_id, kind, token_hash, process_instance_id, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(flow.flowId(), kind.name(), hasher.hash(context(flow.flowId()), flow.token()), processInstanceId,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** The flow, when the id exists for this kind and the token is its token. */
    Optional<Flow> find(JourneyKind kind, String flowId, String token) {
        if (flowId == null || token == null || flowId.length() > 36 || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT kind, token_hash, process_instance_id FROM rf_flow WHERE flow_id = ?")
                .param(flowId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional()
                .filter(row -> kind.name().equals(row[0]))
                .filter(row -> hasher.matches(context(flowId), token, (String) row[1]))
                .map(row -> new Flow(flowId, kind, (String) row[2]));
    }

    private static String context(String flowId) {
        return "flow-token:" + flowId;
    }
}
