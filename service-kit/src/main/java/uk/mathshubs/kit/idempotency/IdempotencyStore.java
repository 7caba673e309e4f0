package uk.mathshubs.kit.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The service's {@code idempotency_key} table (each service's own migration creates it): a claimed key and, once
 * answered, the answer. Each statement commits on its own, outside the request's transaction, so a second request
 * with the same key sees the first one's claim at once.
 *
 * <p>Neither the key nor the answer is stored readable: a row is found by a hash of client and key, and the answer
 * (which may hold an application's one-time secret or a teacher's name) is encrypted with a key derived from the
 * Idempotency-Key itself, so only a caller who presents that key again can read it. Rows go after
 * {@code kit.idempotency.keep-for}; a claim never answered (the service stopped mid-request) is taken over after
 * {@code kit.idempotency.abandoned-after} (10 minutes, far beyond the gateway's 30-second wait for any answer).
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration keepFor;
    private final Duration abandonedAfter;

    public IdempotencyStore(DataSource dataSource,
            @ConfigProperty(name = "kit.idempotency.keep-for", defaultValue = "PT24H") Duration keepFor,
            @ConfigProperty(name = "kit.idempotency.abandoned-after", defaultValue = "PT10M") Duration abandonedAfter) {
        this.dataSource = dataSource;
        // The real time, never a sandbox request's "now": a key's age is bookkeeping, not the API's business.
        this.clock = Clock.systemUTC();
        this.keepFor = keepFor;
        this.abandonedAfter = abandonedAfter;
    }

    /**
     * A claimed key, as the response filter finds it again: the row, when this request claimed it (so that a
     * request whose claim was taken over never writes over or gives up the one that took it) and the cipher key.
     */
    public record ClaimId(String id, Instant startedAt, byte[] secret) {
    }

    /** The answer kept for a key. */
    public record Answer(int status, Optional<String> contentType, Optional<String> location, Optional<String> body) {
    }

    /** What a request with a key finds. */
    public sealed interface Claim {
        /** The key is this request's now: go on, and keep the answer. */
        record Ours(ClaimId id) implements Claim {
        }

        /** Another request with this key is being answered. */
        record InFlight() implements Claim {
        }

        /** The key was used for another request. */
        record OtherRequest() implements Claim {
        }

        /** The key's request was answered: this is the answer. */
        record Answered(Answer answer) implements Claim {
        }
    }

    public Claim claim(String client, String key, byte[] fingerprint) {
        String id = IdempotencyKeys.hex(sha256("id", client, key));
        byte[] secret = sha256("answer", client, key);
        String print = IdempotencyKeys.hex(fingerprint);
        // As PostgreSQL keeps it (microseconds), so that a claim is found again by its moment.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (int attempt = 0; attempt < 3; attempt++) {
                if (insert(connection, id, print, now)) {
                    return new Claim.Ours(new ClaimId(id, now, secret));
                }
                Optional<Row> row = find(connection, id);
                if (row.isEmpty()) {
                    continue;
                }
                Row found = row.get();
                if (found.startedAt().isBefore(now.minus(keepFor))) {
                    delete(connection, id, found.startedAt());
                    continue;
                }
                if (!found.fingerprint().equals(print)) {
                    return new Claim.OtherRequest();
                }
                if (found.status() == null) {
                    if (found.startedAt().isBefore(now.minus(abandonedAfter)) && takeOver(connection, id, found.startedAt(), now)) {
                        return new Claim.Ours(new ClaimId(id, now, secret));
                    }
                    return new Claim.InFlight();
                }
                return new Claim.Answered(new Answer(found.status(), Optional.ofNullable(found.contentType()),
                        Optional.ofNullable(found.location()).map(location -> decrypt(secret, Base64.getDecoder().decode(location))),
                        Optional.ofNullable(found.body()).map(body -> decrypt(secret, body))));
            }
            return new Claim.InFlight();
        } catch (SQLException e) {
            throw new IllegalStateException("The Idempotency-Key could not be claimed", e);
        }
    }

    public void answer(ClaimId id, Answer answer) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE idempotency_key SET status = ?, content_type = ?,"
                        + " location = ?, body = ? WHERE id = ? AND started_at = ? AND status IS NULL")) {
            connection.setAutoCommit(true);
            update.setInt(1, answer.status());
            update.setString(2, answer.contentType().orElse(null));
            // The location names the resource (an application's reference): sealed like the body.
            update.setString(3, answer.location().map(location -> Base64.getEncoder().encodeToString(encrypt(id.secret(), location)))
                    .orElse(null));
            update.setBytes(4, answer.body().map(body -> encrypt(id.secret(), body)).orElse(null));
            update.setString(5, id.id());
            update.setTimestamp(6, Timestamp.from(id.startedAt()));
            update.executeUpdate();
        } catch (SQLException e) {
            // The change itself is made; only a retry with this key would not be answered from here: it gets a 409
            // until the claim is abandoned, then is carried out as a new request. Not a reason to fail this answer.
            LOG.warnf(e, "The answer to an Idempotency-Key could not be kept");
        }
    }

    /** Gives the key up (the request failed on the server's side): the client may send it again. */
    public void release(ClaimId id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_key WHERE id = ? AND started_at = ?"
                        + " AND status IS NULL")) {
            connection.setAutoCommit(true);
            delete.setString(1, id.id());
            delete.setTimestamp(2, Timestamp.from(id.startedAt()));
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf(e, "An Idempotency-Key could not be released; it is taken over once abandoned");
        }
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldKeys() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_key WHERE started_at < ?")) {
            connection.setAutoCommit(true);
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(keepFor)));
            int forgotten = delete.executeUpdate();
            if (forgotten > 0) {
                LOG.debugf("Forgot %d Idempotency-Keys older than %s", forgotten, keepFor);
            }
        } catch (SQLException e) {
            LOG.warnf(e, "Old Idempotency-Keys could not be deleted; the next run tries again");
        }
    }

    private record Row(String fingerprint, Instant startedAt, Integer status, String contentType, String location, byte[] body) {
    }

    private static boolean insert(Connection connection, String id, String fingerprint, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key (id, fingerprint, started_at)"
                + " VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, id);
            insert.setString(2, fingerprint);
            insert.setTimestamp(3, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        }
    }

    private static Optional<Row> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT fingerprint, started_at, status, content_type,"
                + " location, body FROM idempotency_key WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                int status = rows.getInt(3);
                Integer answered = rows.wasNull() ? null : status;
                return Optional.of(new Row(rows.getString(1), rows.getTimestamp(2).toInstant(), answered,
                        rows.getString(4), rows.getString(5), rows.getBytes(6)));
            }
        }
    }

    private static void delete(Connection connection, String id, Instant startedAt) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_key WHERE id = ? AND started_at = ?")) {
            delete.setString(1, id);
            delete.setTimestamp(2, Timestamp.from(startedAt));
            delete.executeUpdate();
        }
    }

    private static boolean takeOver(Connection connection, String id, Instant startedAt, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE idempotency_key SET started_at = ?"
                + " WHERE id = ? AND started_at = ? AND status IS NULL")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, id);
            update.setTimestamp(3, Timestamp.from(startedAt));
            return update.executeUpdate() == 1;
        }
    }

    private static byte[] sha256(String purpose, String client, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((purpose + "\n" + client + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-256-GCM: a fresh 12-byte nonce, then the ciphertext with its tag. */
    private static byte[] encrypt(byte[] secret, String body) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decrypt(byte[] secret, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, stored, 0, 12));
            return new String(cipher.doFinal(Arrays.copyOfRange(stored, 12, stored.length)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A kept answer could not be read with its Idempotency-Key", e);
        }
    }
}
