-- Failed proofs are counted in a sliding window (the last 24 hours), not in fixed windows: one row per failure.
-- Both tables are append-only, so nodes that record failures at the same moment never race on a key.
CREATE TABLE rf_failed_proof (
    counter_key  VARCHAR(300) NOT NULL,
    failed_at    TIMESTAMP    NOT NULL
);
CREATE INDEX rf_failed_proof_key ON rf_failed_proof (counter_key, failed_at);

CREATE TABLE rf_lockout (
    counter_key   VARCHAR(300) NOT NULL,
    locked_at     TIMESTAMP    NOT NULL,
    locked_until  TIMESTAMP    NOT NULL
);
CREATE INDEX rf_lockout_key ON rf_lockout (counter_key, locked_until);

DROP TABLE rf_throttle_counter;
