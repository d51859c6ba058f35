package org.resetflow.recoveryinfo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The passkeys users registered, in {@code rf_passkey}: per credential its public key (COSE, base64url), the
 * authenticator's signature counter, transports, AAGUID and a label the user recognises. Binary values are kept as
 * base64url text, the same on H2 and PostgreSQL. The counter of an assertion is taken only by a conditional update, so
 * that of two nodes (or two requests) accepting the same assertion only one does.
 */
@Repository
public class Passkeys {

    /** One registered passkey. {@code transports} are the browser's hints, comma-separated ({@code internal,hybrid}). */
    public record Passkey(String credentialId, String accountKey, String userHandle, String publicKeyCose, long signatureCounter,
                          String transports, String aaguid, String label, Instant createdAt, Instant lastUsedAt) {
    }

    private static final String COLUMNS = "credential_id, account_key, user_handle, public_key_cose, signature_counter, transports, aaguid, "
            + "label, created_at, last_used_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public Passkeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isRegistered(String accountKey) {
        return jdbc.sql("SELECT COUNT(*) FROM rf_passkey WHERE account_key = ?").param(accountKey).query(Integer.class).single() > 0;
    }

    /** How many accounts have at least one passkey. */
    public long accountCount() {
        return jdbc.sql("SELECT COUNT(DISTINCT account_key) FROM rf_passkey").query(Long.class).single();
    }

    /** The account's passkeys, oldest first. */
    public List<Passkey> of(String accountKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rf_passkey WHERE account_key = ? ORDER BY created_at, credential_id")
                .param(accountKey).query(Passkeys::row).list();
    }

    /** A passkey by its credential id, whoever's it is. */
    public Optional<Passkey> find(String credentialId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rf_passkey WHERE credential_id = ?").param(credentialId).query(Passkeys::row).optional();
    }

    /** The WebAuthn user handle of the account's passkeys; empty when it has none yet. */
    public Optional<String> userHandle(String accountKey) {
        return jdbc.sql("SELECT user_handle FROM rf_passkey WHERE account_key = ? ORDER BY created_at").param(accountKey).query(String.class)
                .list().stream().findFirst();
    }

    /** Saves a new passkey; false when its credential id is registered already (to this or another account). */
    public boolean add(Passkey passkey) {
        if (find(passkey.credentialId()).isPresent()) {
            return false;
        }
        jdbc.sql("INSERT INTO rf_passkey (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(passkey.credentialId(), passkey.accountKey(), passkey.userHandle(), passkey.publicKeyCose(), passkey.signatureCounter(),
                        passkey.transports(), passkey.aaguid(), passkey.label(), Timestamp.from(clock.instant()), null)
                .update();
        return true;
    }

    /** Removes one of the account's passkeys; false when it has none with this id. */
    public boolean remove(String accountKey, String credentialId) {
        return jdbc.sql("DELETE FROM rf_passkey WHERE account_key = ? AND credential_id = ?").params(accountKey, credentialId).update() == 1;
    }

    /**
     * Takes the counter of an accepted assertion, in one conditional update: only the request that read {@code seen}
     * and still finds it there moves it on.
     *
     * @return whether this call took the assertion (false: another request took one with this counter first)
     */
    public boolean use(String credentialId, long seen, long next) {
        return jdbc.sql("UPDATE rf_passkey SET signature_counter = ?, last_used_at = ? WHERE credential_id = ? AND signature_counter = ?")
                .params(next, Timestamp.from(clock.instant()), credentialId, seen).update() == 1;
    }

    private static Passkey row(ResultSet rs, int row) throws SQLException {
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        return new Passkey(rs.getString("credential_id"), rs.getString("account_key"), rs.getString("user_handle"), rs.getString("public_key_cose"),
                rs.getLong("signature_counter"), rs.getString("transports"), rs.getString("aaguid"), rs.getString("label"),
                rs.getTimestamp("created_at").toInstant(), lastUsed == null ? null : lastUsed.toInstant());
    }
}
