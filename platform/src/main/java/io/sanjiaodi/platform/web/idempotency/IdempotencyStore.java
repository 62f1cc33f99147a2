package io.sanjiaodi.platform.web.idempotency;

import io.sanjiaodi.platform.axon.SchemaLock;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first response to each (owner, Idempotency-Key) in the service's own PostgreSQL schema,
 * table {@code idempotency_keys}. A request claims its key before it runs (an insert that only one
 * of two racing requests wins) and records its response after; a claim whose request never finished
 * (the process died between the command's commit and the record) may be taken over after
 * {@code abandonAfter}, and the request then runs again: creating commands take their new id from
 * the key ({@link IdempotencyKeys#derivedId}), so running again cannot create a second record.
 */
public class IdempotencyStore {

    /** What a claim found. */
    public sealed interface Claim {}

    /** The key is this request's now: run it, then {@link #complete} or {@link #release}. */
    public record Claimed() implements Claim {}

    /** The key's first request finished: answer with its response. */
    /** The first run's answer; {@code consistencyToken} is its read-your-writes token (platform consistency). */
    public record Replay(int status, String contentType, String location, String consistencyToken, byte[] body)
            implements Claim {}

    /** The key was first used for another request (method, path or body differ). */
    public record Mismatch() implements Claim {}

    /** The key's first request is still running. */
    public record InProgress() implements Claim {}

    private static final int EXPIRE_EVERY = 1_000;
    private final java.util.concurrent.atomic.AtomicLong claims = new java.util.concurrent.atomic.AtomicLong();
    private final JdbcTemplate jdbc;
    private final String table;
    private final Clock clock;
    private final Duration abandonAfter;
    private final Duration keep;

    /** @param schema the service's schema (a plain identifier, checked by the event store's properties) */
    public IdempotencyStore(JdbcTemplate jdbc, String schema, Clock clock, Duration abandonAfter, Duration keep) {
        this.jdbc = jdbc;
        this.table = schema + ".idempotency_keys";
        this.clock = clock;
        this.abandonAfter = abandonAfter;
        this.keep = keep;
        createTable(schema);
    }

    /**
     * Under the advisory lock the event store's schema creation takes: instances starting at once
     * would otherwise collide in PostgreSQL's catalogue on {@code CREATE ... IF NOT EXISTS}.
     */
    private void createTable(String schema) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            SchemaLock.run(connection, sql -> {
                sql.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                sql.execute("CREATE TABLE IF NOT EXISTS " + table + " (owner TEXT NOT NULL, key TEXT NOT NULL,"
                        + " fingerprint TEXT NOT NULL, state TEXT NOT NULL, claimed_at TIMESTAMPTZ NOT NULL,"
                        + " status INT, content_type TEXT, location TEXT, body BYTEA, PRIMARY KEY (owner, key))");
                // added with read-your-writes: a replayed answer carries the first run's token too
                sql.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS consistency_token TEXT");
            });
            return null;
        });
    }

    public Claim claim(String owner, String key, String fingerprint) {
        if (claims.incrementAndGet() % EXPIRE_EVERY == 0) {
            expire(); // now and then, on the way: no scheduler needed
        }
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.update(
                "INSERT INTO " + table + " (owner, key, fingerprint, state, claimed_at) VALUES (?, ?, ?, 'RUNNING', ?)"
                        + " ON CONFLICT DO NOTHING",
                owner,
                key,
                fingerprint,
                now);
        if (inserted == 1) {
            return new Claimed();
        }
        Optional<Row> found = row(owner, key);
        if (found.isEmpty()) {
            return claim(owner, key, fingerprint); // released meanwhile
        }
        Row row = found.get();
        if (!row.fingerprint().equals(fingerprint)) {
            return new Mismatch();
        }
        if (row.state().equals("DONE")) {
            return new Replay(row.status(), row.contentType(), row.location(), row.consistencyToken(), row.body());
        }
        Timestamp abandoned = Timestamp.from(clock.instant().minus(abandonAfter));
        int taken = jdbc.update(
                "UPDATE " + table + " SET claimed_at = ? WHERE owner = ? AND key = ? AND state = 'RUNNING'"
                        + " AND claimed_at = ? AND claimed_at < ?",
                now,
                owner,
                key,
                row.claimedAt(),
                abandoned);
        return taken == 1 ? new Claimed() : new InProgress();
    }

    public void complete(String owner, String key, Replay answer) {
        jdbc.update(
                "UPDATE " + table + " SET state = 'DONE', status = ?, content_type = ?, location = ?,"
                        + " consistency_token = ?, body = ? WHERE owner = ? AND key = ?",
                answer.status(),
                answer.contentType(),
                answer.location(),
                answer.consistencyToken(),
                answer.body(),
                owner,
                key);
    }

    /** The request failed without an answer worth keeping (5xx, an exception): the key may be used again. */
    public void release(String owner, String key) {
        jdbc.update("DELETE FROM " + table + " WHERE owner = ? AND key = ? AND state = 'RUNNING'", owner, key);
    }

    /** Forgets keys older than the time they are kept for; returns how many. */
    public int expire() {
        return jdbc.update(
                "DELETE FROM " + table + " WHERE claimed_at < ?",
                Timestamp.from(clock.instant().minus(keep)));
    }

    private record Row(
            String fingerprint,
            String state,
            Timestamp claimedAt,
            int status,
            String contentType,
            String location,
            String consistencyToken,
            byte[] body) {}

    private Optional<Row> row(String owner, String key) {
        List<Row> rows = jdbc.query(
                "SELECT fingerprint, state, claimed_at, status, content_type, location, consistency_token, body FROM "
                        + table
                        + " WHERE owner = ? AND key = ?",
                (rs, i) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBytes(8)),
                owner,
                key);
        return rows.stream().findFirst();
    }
}
