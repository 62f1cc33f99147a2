package io.sanjiaodi.platform.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;

/**
 * How a service's event store on PostgreSQL is put together, in one place for the services'
 * configuration and for tests that assemble an Axon configuration by hand.
 */
public final class PostgresEventStore {

    /** Axon's default table and column names, for the engine, the token store and the DDL alike. */
    static final EventSchema EVENTS = EventSchema.builder().build();

    static final TokenSchema TOKENS = TokenSchema.builder().build();

    static final DeadLetterSchema DEAD_LETTERS = DeadLetterSchema.defaultSchema();

    private PostgresEventStore() {}

    /** The event table's names, for code that reads the store in global-index order (producer statements). */
    public static EventSchema eventSchema() {
        return EVENTS;
    }

    /** The aggregate cache, each entry checked against the store's last sequence of its aggregate before use. */
    public static BoundedAggregateCache aggregateCache(
            DataSource dataSource, EventStoreProperties properties, int maxEntries) {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        String sql = "SELECT MAX(" + EVENTS.sequenceNumberColumn() + ") FROM " + properties.schema() + "."
                + EVENTS.domainEventTable() + " WHERE " + EVENTS.aggregateIdentifierColumn() + " = ?";
        return new BoundedAggregateCache(maxEntries, id -> jdbc.queryForObject(sql, Long.class, id));
    }

    /** Creates the schema and its event, snapshot, token and dead-letter tables if they are missing. */
    public static void createSchema(DataSource dataSource, EventStoreProperties properties) {
        EventStoreSchema.create(dataSource, properties.schema(), EVENTS, TOKENS, DEAD_LETTERS);
    }

    /**
     * The sequenced dead-letter queue of one processing group in the event store's database, in
     * the processor's own transaction: a letter is stored, or taken out after a retry, together
     * with the token that moves past it.
     */
    public static JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(
            String processingGroup,
            ConnectionProvider connections,
            TransactionManager transactions,
            Serializer serializer,
            Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processingGroup)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(DEAD_LETTERS)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    /** The connection of the running transaction, so the engine's statements are part of it. */
    public static ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** Axon's JDBC engine with the commit lock, PostgreSQL's duplicate-key code and the configured gap handling. */
    public static JdbcEventStorageEngine engine(
            ConnectionProvider connections,
            TransactionManager transactions,
            Serializer eventSerializer,
            Serializer snapshotSerializer,
            EventStoreProperties properties) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(EVENTS)
                .dataType(byte[].class)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .batchSize(properties.batchSize())
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .gapCleaningThreshold(properties.gapCleaningThreshold());
        return new CommitOrderedEventStorageEngine(builder, properties.schema(), properties.maxEventBytes());
    }

    /**
     * The tracking tokens, beside the events. The node id names this instance in token claims:
     * Axon's default ({@code pid@host}) is the same for two instances in one JVM, or in two
     * containers that both run as pid 1 on equal host names, and both would then process the same
     * segment.
     */
    public static JdbcTokenStore tokenStore(ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(TOKENS)
                .serializer(serializer)
                .contentType(byte[].class)
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }
}
