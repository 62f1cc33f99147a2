package io.sanjiaodi.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;

/**
 * Axon's dead-letter table in PostgreSQL's words: {@code BYTEA} for serialized data (Axon's
 * generic DDL says {@code BLOB}, which PostgreSQL does not have), and indexes created only when
 * missing, so that a restart, or a second instance, does not fail on the first start's indexes.
 */
final class PostgresDeadLetterTableFactory extends GenericDeadLetterTableFactory {

    static final PostgresDeadLetterTableFactory INSTANCE = new PostgresDeadLetterTableFactory();

    private PostgresDeadLetterTableFactory() {}

    /** The table and its indexes; the caller runs them inside its schema lock. */
    void create(Connection connection, DeadLetterSchema schema) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute(createTableSql(schema));
            sql.execute(processingGroupIndexSql(schema));
            sql.execute(sequenceIdentifierIndexSql(schema));
        }
    }

    @Override
    protected String processingGroupIndexSql(DeadLetterSchema schema) {
        return ifNotExists(super.processingGroupIndexSql(schema));
    }

    @Override
    protected String sequenceIdentifierIndexSql(DeadLetterSchema schema) {
        return ifNotExists(super.sequenceIdentifierIndexSql(schema));
    }

    @Override
    protected String serializedDataType() {
        return "BYTEA";
    }

    private static String ifNotExists(String createIndex) {
        return createIndex.replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ");
    }
}
