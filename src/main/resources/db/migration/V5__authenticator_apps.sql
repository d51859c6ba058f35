-- Authenticator apps (TOTP, RFC 6238): one per account. The shared secret is sealed with AES-256-GCM under a key
-- derived from resetflow.security.secret, the account bound as associated data, never kept in clear text.
-- last_time_step is the 30-second step of the last code accepted: a code is accepted only by an UPDATE that raises
-- it (... WHERE last_time_step < ?), so two nodes cannot both accept the same code.
CREATE TABLE rf_authenticator_app (
    account_key     VARCHAR(256) NOT NULL PRIMARY KEY,
    sealed_secret   VARCHAR(512) NOT NULL,
    last_time_step  BIGINT       NOT NULL,
    registered_at   TIMESTAMP    NOT NULL
);
