package io.sanjiaodi.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.platform.axon.EventStoreProperties;
import io.sanjiaodi.platform.axon.PostgresEventStore;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The processors' positions and lag as the metrics report them, from a real event and token store. */
class ProcessorLagTest {

    record Noted(String text) {}

    final String schema = "lag_" + UUID.randomUUID().toString().substring(0, 8);
    final PGSimpleDataSource dataSource = DevPostgres.shared().dataSource(schema);
    final EventStoreProperties properties = new EventStoreProperties(schema, Duration.ofMinutes(10), 250, 100);
    final TransactionManager transactions = new SpringTransactionManager(new JdbcTransactionManager(dataSource));
    final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    final ConnectionProvider connections = PostgresEventStore.connectionProvider(dataSource);
    final JdbcTokenStore tokens;
    final JdbcEventStorageEngine engine;

    ProcessorLagTest() {
        PostgresEventStore.createSchema(dataSource, properties);
        engine = PostgresEventStore.engine(connections, transactions, serializer, serializer, properties);
        tokens = PostgresEventStore.tokenStore(connections, serializer);
    }

    @Test
    void aProcessorLagsByWhatItsSlowestSegmentHasNotHandledAndOneWithoutATokenByEverything() {
        for (int i = 0; i < 5; i++) {
            int sequence = i;
            transactions.executeInTransaction(() -> engine.appendEvents(
                    new GenericDomainEventMessage<>("Note", "n-1", sequence, new Noted("note " + sequence))));
        }
        long head = new JdbcTemplate(dataSource)
                .queryForObject("SELECT MAX(globalIndex) FROM " + schema + ".domainevententry", Long.class);
        transactions.executeInTransaction(() -> {
            tokens.initializeTokenSegments("views", 2);
            tokens.storeToken(GapAwareTrackingToken.newInstance(head - 3, java.util.List.of()), "views", 0);
            tokens.storeToken(GapAwareTrackingToken.newInstance(head, java.util.List.of()), "views", 1);
            tokens.initializeTokenSegments("kafka-publisher", 1);
            // a replay's token counts at its lower bound: where the processor is now
            tokens.initializeTokenSegments("replaying", 1);
            tokens.storeToken(
                    ReplayToken.createReplayToken(
                            GapAwareTrackingToken.newInstance(head, java.util.List.of()),
                            GapAwareTrackingToken.newInstance(head - 1, java.util.List.of())),
                    "replaying",
                    0);
        });

        ProcessorLag lag = new ProcessorLag(new JdbcTemplate(dataSource), schema, serializer);
        assertThat(lag.head()).isEqualTo(head);
        assertThat(lag.position("views")).isEqualTo(head - 3);
        assertThat(lag.lag("views")).as("the slowest segment").isEqualTo(3);
        assertThat(lag.lag("kafka-publisher"))
                .as("before its first batch: every event")
                .isEqualTo(head);
        assertThat(lag.lag("replaying")).isEqualTo(1);
        assertThat(lag.lag("unknown")).isNaN();
    }

    @Test
    void theGaugesStillAnswerAfterAGarbageCollectionWhenNothingElseHoldsTheReader() {
        transactions.executeInTransaction(() -> {
            engine.appendEvents(new GenericDomainEventMessage<>("Note", "n-1", 0, new Noted("note")));
            tokens.initializeTokenSegments("views", 1);
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        WeakReference<ProcessorLag> reader = registered(registry);
        for (int i = 0; i < 10 && reader.get() != null; i++) {
            System.gc();
        }

        assertThat(registry.get("sanjiaodi.processor.lag")
                        .tag("processor", "views")
                        .gauge()
                        .value())
                .as("the event not yet handled, not NaN")
                .isEqualTo(1);
        assertThat(registry.get("sanjiaodi.event.store.head").gauge().value()).isPositive();
    }

    /** Registers the gauges of a reader the caller does not keep, as the auto-configuration does. */
    private WeakReference<ProcessorLag> registered(SimpleMeterRegistry registry) {
        ProcessorLag lag = new ProcessorLag(new JdbcTemplate(dataSource), schema, serializer);
        lag.register(registry, java.util.List.of("views"));
        return new WeakReference<>(lag);
    }
}
