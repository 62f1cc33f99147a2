package io.sanjiaodi.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Schema changes of a service's PostgreSQL schema run in one transaction that holds one advisory
 * lock: instances starting at once would otherwise collide in PostgreSQL's catalogue on
 * {@code CREATE ... IF NOT EXISTS} (the event store's tables, the idempotency keys).
 */
public final class SchemaLock {

    /** The schema statements, given a statement of the locked transaction. */
    @FunctionalInterface
    public interface Work {
        void run(Statement sql) throws SQLException;
    }

    private SchemaLock() {}

    /** Runs {@code work} under the lock and commits it, or rolls it back if it fails. */
    public static void run(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_advisory_xact_lock(" + CommitOrderedEventStorageEngine.LOCK_CLASS + ", 0)");
            work.run(sql);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
