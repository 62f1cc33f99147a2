package io.sanjiaodi.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.platform.Refusal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The event store on a real PostgreSQL server: global indexes become visible in commit order, a
 * concurrent append to the same aggregate is a conflict, and the tables are created once.
 */
class CommitOrderedEventStorageEngineTest {

    record Noted(String text) {}

    final String schema = "engine_" + UUID.randomUUID().toString().substring(0, 8);
    final PGSimpleDataSource dataSource = DevPostgres.shared().dataSource(schema);
    final EventStoreProperties properties = new EventStoreProperties(schema, Duration.ofMinutes(10), 250, 100);
    final TransactionManager transactions = new SpringTransactionManager(new JdbcTransactionManager(dataSource));
    final JdbcEventStorageEngine engine;

    CommitOrderedEventStorageEngineTest() {
        PostgresEventStore.createSchema(dataSource, properties);
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = PostgresEventStore.engine(
                PostgresEventStore.connectionProvider(dataSource), transactions, serializer, serializer, properties);
    }

    @Test
    void anAppendWaitsForAnEarlierUncommittedOneSoNoReaderSeesALaterIndexFirst() throws Exception {
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeInTransaction(() -> {
            engine.appendEvents(event("slow", 0));
            firstInserted.countDown();
            hold(commitFirst);
        }));
        assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> engine.appendEvents(event("fast", 0)));

        // the second append waits on the commit lock, not on anything else
        await().atMost(Duration.ofSeconds(10)).until(this::anAppendWaitsOnTheCommitLock);
        assertThat(second).isNotDone();
        assertThat(trackedAggregates())
                .as("nothing is visible while the first insert is uncommitted")
                .isEmpty();

        commitFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(trackedAggregates()).containsExactly("slow", "fast");
    }

    @Test
    void aRolledBackAppendLeavesAGapThatHoldsNoLaterEventBack() {
        assertThatThrownBy(() -> transactions.executeInTransaction(() -> {
                    engine.appendEvents(event("rolled-back", 0));
                    throw new IllegalStateException("the command failed after its insert");
                }))
                .hasMessageContaining("failed after its insert");
        engine.appendEvents(event("committed", 0));

        assertThat(trackedAggregates()).containsExactly("committed");
        try (var events = engine.readEvents(null, false)) {
            var token = (GapAwareTrackingToken) events.findFirst().orElseThrow().trackingToken();
            assertThat(token.getGaps())
                    .as("the rolled-back index is a gap the token remembers")
                    .hasSize(1);
        }
    }

    @Test
    void aSecondFirstEventOfOneAggregateIsACreationConflictAndALaterOneAConcurrencyConflict() {
        engine.appendEvents(event("iv-1", 0), event("iv-1", 1));

        assertThatThrownBy(() -> engine.appendEvents(event("iv-1", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("iv-1", 1))).isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("iv-1")
                        .asStream()
                        .map(e -> e.getSequenceNumber())
                        .toList())
                .containsExactly(0L, 1L);
    }

    /**
     * An event larger than a Kafka record may be would stop the outbox relay for ever (it retries
     * it without end, and nothing after it is published): it is refused before it is stored.
     */
    @Test
    void anEventTooLargeToPublishIsRefusedAndNothingOfItsTransactionIsStored() {
        String large = "问".repeat(EventStoreProperties.DEFAULT_MAX_EVENT_BYTES / 3 + 1);
        var oversized = new GenericDomainEventMessage<>("Test", "iv-big", 1, new Noted(large));

        assertThatThrownBy(() -> engine.appendEvents(event("iv-big", 0), oversized))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("EVENT_TOO_LARGE");
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.TOO_LARGE);
                });
        assertThat(trackedAggregates()).isEmpty();

        String fits = "问".repeat(EventStoreProperties.DEFAULT_MAX_EVENT_BYTES / 3 - 1000);
        engine.appendEvents(new GenericDomainEventMessage<>("Test", "iv-big", 0, new Noted(fits)));
        assertThat(trackedAggregates()).containsExactly("iv-big");
    }

    @Test
    void creatingTheSchemaAgainKeepsWhatIsStored() {
        engine.appendEvents(event("iv-2", 0));

        PostgresEventStore.createSchema(dataSource, properties);

        assertThat(engine.readEvents("iv-2").asStream().count()).isEqualTo(1);
    }

    @Test
    void aSchemaNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> new EventStoreProperties("x; DROP TABLE y", Duration.ofMinutes(1), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sanjiaodi.event-store.schema");
    }

    private List<String> trackedAggregates() {
        try (var events = engine.readEvents(null, false)) {
            return events.map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                    .toList();
        }
    }

    private boolean anAppendWaitsOnTheCommitLock() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                                + " AND classid = " + CommitOrderedEventStorageEngine.LOCK_CLASS
                                + " AND objid = " + (CommitOrderedEventStorageEngine.lockKey(schema) & 0xFFFFFFFFL))) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private static GenericDomainEventMessage<Noted> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, new Noted(aggregate + "#" + sequence));
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
