package io.sanjiaodi.platform.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/**
 * Creates the service's schema and its tables when they are missing: events (primary key on the
 * global index, unique on aggregate + sequence and on the event id, so loading an aggregate, a
 * tracking read and a conflicting append are all index operations), snapshots, tracking tokens,
 * the outbox relay's dead letters.
 * Instances that start at once serialize on the {@link SchemaLock}: concurrent {@code CREATE ... IF
 * NOT EXISTS} statements can still collide in PostgreSQL's catalogue.
 */
final class EventStoreSchema {

    private EventStoreSchema() {}

    static void create(
            DataSource dataSource,
            String schema,
            EventSchema events,
            TokenSchema tokens,
            DeadLetterSchema deadLetters) {
        try (Connection connection = dataSource.getConnection()) {
            SchemaLock.run(connection, sql -> {
                // the name is checked to be a plain identifier (EventStoreProperties)
                sql.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                sql.execute("SET LOCAL search_path TO " + schema);
                execute(PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, events));
                execute(PostgresEventTableFactory.INSTANCE.createSnapshotEventTable(connection, events));
                execute(PostgresTokenTableFactory.INSTANCE.createTable(connection, tokens));
                // the outbox relay's dead letters (events the broker would not take), beside its token
                PostgresDeadLetterTableFactory.INSTANCE.create(connection, deadLetters);
                // for a processor reset to a point in time (createTokenAt): the only query on the timestamp
                sql.execute("CREATE INDEX IF NOT EXISTS " + events.domainEventTable() + "_timestamp ON "
                        + events.domainEventTable() + " (" + events.timestampColumn() + ")");
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the event store's tables in schema " + schema, e);
        }
    }

    private static void execute(PreparedStatement statement) throws SQLException {
        try (statement) {
            statement.execute();
        }
    }
}
