-- ResetFlow's own tables. Camunda's ACT_* tables are created by the engine in the same schema.
-- Portable between H2 2.x and PostgreSQL: no vendor-specific types.

-- A journey as the public API knows it: a random id and only the keyed hash of its bearer token.
CREATE TABLE rf_flow (
    flow_id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind                 VARCHAR(20)  NOT NULL,
    token_hash           VARCHAR(64)  NOT NULL,
    process_instance_id  VARCHAR(64)  NOT NULL,
    created_at           TIMESTAMP    NOT NULL
);
CREATE INDEX rf_flow_created_at ON rf_flow (created_at);

-- Recovery information a user registered (the office phone is maintained in the directory).
CREATE TABLE rf_recovery_registration (
    account_key               VARCHAR(256) NOT NULL PRIMARY KEY,
    alternate_email           VARCHAR(320),
    alternate_email_verified  TIMESTAMP,
    mobile_phone              VARCHAR(32),
    mobile_phone_verified     TIMESTAMP,
    confirmed_at              TIMESTAMP,
    updated_at                TIMESTAMP    NOT NULL
);

-- Security answers, only as salted slow hashes of the normalised answer.
CREATE TABLE rf_security_answer (
    account_key   VARCHAR(256) NOT NULL,
    question_id   VARCHAR(64)  NOT NULL,
    answer_hash   VARCHAR(255) NOT NULL,
    registered_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (account_key, question_id)
);

-- Failed proofs per account (codes, answers, current password) and the self-service lock-out they cause.
CREATE TABLE rf_throttle_counter (
    counter_key        VARCHAR(300) NOT NULL PRIMARY KEY,
    failures           INTEGER      NOT NULL,
    window_started_at  TIMESTAMP    NOT NULL,
    locked_until       TIMESTAMP
);

-- Token buckets (Bucket4j) for send limits and per-client limits, shared by every node.
CREATE TABLE rf_rate_limit_bucket (
    bucket_key  VARCHAR(300) NOT NULL PRIMARY KEY,
    state       BYTEA,
    expires_at  TIMESTAMP
);

-- Secrets that must outlive one transaction (a code until it is sent, a new password until both
-- directories have it), encrypted with AES-GCM under a key derived from resetflow.security.secret,
-- and deleted as soon as they are used.
CREATE TABLE rf_sealed_secret (
    owner_id    VARCHAR(64)  NOT NULL,
    purpose     VARCHAR(40)  NOT NULL,
    ciphertext  VARCHAR(2048) NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (owner_id, purpose)
);
