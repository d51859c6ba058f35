-- "Not me" links: the notice of a completed recovery carries one, and following it blocks self-service for the
-- account and opens a report for the helpdesk. Only the keyed hash of the link's token is kept, with what it is
-- bound to: the account and the journey (its flow id and process instance). Single use; rows go when they expire.
CREATE TABLE rf_not_me_link (
    token_hash   VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_key  VARCHAR(256) NOT NULL,
    username     VARCHAR(256) NOT NULL,
    flow_id      VARCHAR(64)  NOT NULL,
    journey_id   VARCHAR(64)  NOT NULL,
    notice       VARCHAR(40)  NOT NULL,
    issued_at    TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    used_at      TIMESTAMP
);
CREATE INDEX rf_not_me_link_flow ON rf_not_me_link (flow_id);
CREATE INDEX rf_not_me_link_expires_at ON rf_not_me_link (expires_at);
