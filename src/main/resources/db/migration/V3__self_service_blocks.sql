-- Self-service blocked for an account because its owner said a recovery was not them ("not me"): one row per open
-- report, until the helpdesk has secured the account and completed the report's task. No end time: only the
-- helpdesk lifts a block.
CREATE TABLE rf_self_service_block (
    report_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    counter_key  VARCHAR(300) NOT NULL,
    blocked_at   TIMESTAMP    NOT NULL
);
CREATE INDEX rf_self_service_block_key ON rf_self_service_block (counter_key);
