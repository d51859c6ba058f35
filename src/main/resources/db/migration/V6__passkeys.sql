-- Passkeys (WebAuthn credentials): several per account. Nothing here is a secret: the public key (COSE, base64url)
-- verifies signatures, it cannot make one. signature_counter is the authenticator's counter of the last assertion
-- accepted: an assertion is accepted only by an UPDATE ... WHERE signature_counter = <the counter read>, so two nodes
-- cannot both accept one assertion. user_handle is the random WebAuthn user id of the account (the same in each of
-- its rows), never the username.
CREATE TABLE rf_passkey (
    credential_id      VARCHAR(1400) NOT NULL PRIMARY KEY,
    account_key        VARCHAR(256)  NOT NULL,
    user_handle        VARCHAR(100)  NOT NULL,
    public_key_cose    VARCHAR(2800) NOT NULL,
    signature_counter  BIGINT        NOT NULL,
    transports         VARCHAR(200)  NOT NULL,
    aaguid             VARCHAR(36)   NOT NULL,
    label              VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMP     NOT NULL,
    last_used_at       TIMESTAMP
);
CREATE INDEX rf_passkey_account ON rf_passkey (account_key);
