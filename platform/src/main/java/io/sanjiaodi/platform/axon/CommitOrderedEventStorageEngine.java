package io.sanjiaodi.platform.axon;

import io.sanjiaodi.platform.Refusal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC engine with one addition: every append first takes a transaction-scoped PostgreSQL
 * advisory lock, the store's commit lock. The global index comes from a sequence, drawn at insert
 * time; without the lock a transaction that drew index 7 can commit after the one that drew 8, and
 * a reader sees 8 before 7 exists. With the lock held from the insert to the commit, indexes become
 * visible strictly in order, so a gap a tracking processor sees is a rolled-back insert and never
 * an event still on its way. The lock is taken as late as possible (right before the insert, after
 * the command's handler ran) and released by the commit, so it covers only the insert and the commit.
 */
public class CommitOrderedEventStorageEngine extends JdbcEventStorageEngine {

    /** The lock's first key ("SJDB"); the second is the schema's, so services sharing a database do not wait on each other. */
    public static final int LOCK_CLASS = 0x534A4442;

    private final int lockKey;
    private final int maxEventBytes;

    CommitOrderedEventStorageEngine(JdbcEventStorageEngine.Builder builder, String schema, int maxEventBytes) {
        super(builder);
        this.lockKey = lockKey(schema);
        this.maxEventBytes = maxEventBytes;
    }

    /** The lock's second key for a schema (the benchmark's raw baseline takes the same lock). */
    public static int lockKey(String schema) {
        return schema.hashCode();
    }

    @Override
    protected PreparedStatement appendEvents(
            Connection connection, List<? extends EventMessage<?>> events, Serializer serializer) throws SQLException {
        if (connection.getAutoCommit()) {
            // a transaction-scoped lock in auto-commit mode would be released before the insert
            throw new IllegalStateException("events are appended only inside a transaction");
        }
        for (EventMessage<?> event : events) {
            refuseIfTooLarge(event, serializer);
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, lockKey);
            lock.execute();
        }
        return super.appendEvents(connection, events, serializer);
    }

    /**
     * An event that Kafka would not take would stop the outbox relay for ever, so it is refused
     * here, before the lock and the insert, and the command's whole transaction rolls back. The
     * serialized forms are cached in the message, so the insert that follows does not redo them.
     */
    private void refuseIfTooLarge(EventMessage<?> event, Serializer serializer) {
        long size = (long) event.serializePayload(serializer, byte[].class).getData().length
                + event.serializeMetaData(serializer, byte[].class).getData().length;
        if (size > maxEventBytes) {
            throw Refusal.tooLarge(
                    "EVENT_TOO_LARGE",
                    "the change would be recorded as a "
                            + event.getPayloadType().getSimpleName() + " of " + size + " bytes, more than the "
                            + maxEventBytes
                            + " an event may have; shorten or split it (fewer or shorter items)");
        }
    }
}
