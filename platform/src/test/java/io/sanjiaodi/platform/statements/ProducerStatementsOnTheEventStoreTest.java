package io.sanjiaodi.platform.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.contracts.interview.InterviewCancelled;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.platform.axon.EventStoreProperties;
import io.sanjiaodi.platform.axon.PostgresEventStore;
import io.sanjiaodi.platform.json.EventJson;
import io.sanjiaodi.platform.kafka.CloudEventMapper;
import io.sanjiaodi.platform.kafka.KafkaEventPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Producer positions and statements over a real PostgreSQL event store, a real tracking relay and
 * Kafka's MockProducer as the broker: positions are dense in global-index order and the same after
 * a restart that sends everything again; the statement's root is the independent MTH of the ids.
 */
class ProducerStatementsOnTheEventStoreTest {

    final String schema = "stmt_" + UUID.randomUUID().toString().substring(0, 8);
    final PGSimpleDataSource dataSource = DevPostgres.shared().dataSource(schema);
    final EventStoreProperties properties = new EventStoreProperties(schema, Duration.ofMinutes(10), 250, 100);
    final TransactionManager transactions = new SpringTransactionManager(new JdbcTransactionManager(dataSource));
    final JdbcEventStorageEngine engine;
    final EmbeddedEventStore store;
    final MockProducer<String, CloudEvent> broker =
            new MockProducer<>(true, null, new StringSerializer(), (topic, event) -> new byte[0]) {
                @Override
                public void close(Duration timeout) {
                    // shared, as a real factory's producer is
                }
            };
    final KafkaTemplate<String, CloudEvent> template = new KafkaTemplate<>(() -> broker);
    TrackingEventProcessor relay;

    @TempDir
    Path keys;

    ProducerStatementsOnTheEventStoreTest() {
        PostgresEventStore.createSchema(dataSource, properties);
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = PostgresEventStore.engine(
                PostgresEventStore.connectionProvider(dataSource), transactions, serializer, serializer, properties);
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.shutDown();
        }
        store.shutDown();
    }

    @Test
    void positionsAreDenseInStoreOrderAndTheSameAfterARelayRestartThatSendsEverythingAgain() {
        appendHistory();
        startRelay(null);
        Map<String, Long> first = awaitPositions(6);
        assertThat(first.values()).as("dense, 1-based, in publication order").containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

        relay.shutDown();
        broker.clear();
        startRelay(null); // a new relay with no position: everything is sent again
        assertThat(awaitPositions(6)).as("same ids, same positions").isEqualTo(first);

        relay.shutDown();
        broker.clear();
        startRelay(tokenAfter(3)); // a restart that resumes in the middle: a counter would start at 1 again
        Map<String, Long> resumed = awaitPositions(3);
        assertThat(resumed.values()).containsExactly(4L, 5L, 6L);
        resumed.forEach((id, position) -> assertThat(first).containsEntry(id, position));
    }

    /** The tracking token of the n-th stored event, as a relay that published n events would resume from. */
    private TrackingToken tokenAfter(int n) {
        try (var events = engine.readEvents(null, false)) {
            return events.skip(n - 1L).findFirst().orElseThrow().trackingToken();
        }
    }

    @Test
    void theSignedStatementStatesEveryPublishedEventWithTheIndependentlyComputedRootAndTheHeads() throws Exception {
        appendHistory();
        startRelay(null);
        Map<String, Long> positions = awaitPositions(6);
        ProducerKey key = new ProducerKey(keys.resolve("p/interview-service.pk8"));
        StatementPublisher publisher = new StatementPublisher(
                new EventStoreStream(dataSource),
                () -> StatementsAutoConfiguration.position(relay.processingStatus()),
                key,
                template,
                EventJson.mapper(),
                "interview-service",
                Clock.systemUTC());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> StatementsAutoConfiguration.position(relay.processingStatus())
                                .isPresent()
                        && publisher.stream().size() == 0
                        && publisher.publishIfGrown() != null);

        ProducerStatement statement = sentStatement();
        assertThat(statement.producer()).isEqualTo("interview-service");
        assertThat(statement.size()).isEqualTo(6);
        assertThat(statement.rootHash())
                .isEqualTo(ProducerStreamTest.hex(ProducerStreamTest.mth(List.copyOf(positions.keySet()))));
        assertThat(statement.heads())
                .containsExactly(
                        new ProducerStatement.Head("iv-1", 1),
                        new ProducerStatement.Head("iv-2", 1),
                        new ProducerStatement.Head("iv-3", 0));
        assertThat(statement.verify(key.publicKey())).isTrue();
        assertThat(statement.verify(statement.statedKey())).isTrue();
        assertThat(new ProducerStatement(
                                statement.producer(),
                                5,
                                statement.rootHash(),
                                statement.time(),
                                statement.heads(),
                                statement.publicKey(),
                                statement.signature())
                        .verify(key.publicKey()))
                .as("a changed size breaks the signature")
                .isFalse();
        assertThat(Files.getPosixFilePermissions(keys.resolve("p/interview-service.pk8")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(publisher.publishIfGrown()).as("nothing new, nothing stated").isNull();
    }

    /** Six events in the store around a rolled-back insert (a gap in the indexes), one a plain event. */
    private void appendHistory() {
        transactions.executeInTransaction(() -> engine.appendEvents(event("iv-1", 0), event("iv-2", 0)));
        rolledBack("rolled-back");
        transactions.executeInTransaction(() -> engine.appendEvents(event("iv-1", 1)));
        transactions.executeInTransaction(
                () -> engine.appendEvents(GenericEventMessage.asEventMessage(new InterviewCancelled("x", "plain"))));
        transactions.executeInTransaction(() -> engine.appendEvents(event("iv-2", 1), event("iv-3", 0)));
        rolledBack("rolled-back-2");
    }

    private void rolledBack(String aggregateId) {
        try {
            transactions.executeInTransaction(() -> {
                engine.appendEvents(event(aggregateId, 0));
                throw new IllegalStateException("the command failed after its insert");
            });
        } catch (IllegalStateException expected) {
            // the gap in the global indexes this test needs
        }
    }

    private void startRelay(TrackingToken from) {
        TrackingEventProcessorConfiguration configuration =
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(2)
                        .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS);
        if (from != null) {
            configuration = configuration.andInitialTrackingToken(source -> from);
        }
        relay = TrackingEventProcessor.builder()
                .name(KafkaEventPublisher.PROCESSING_GROUP)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new KafkaEventPublisher(
                                template,
                                new CloudEventMapper(EventJson.mapper(), "/sanjiaodi/interview-service"),
                                Topics.INTERVIEW_EVENTS,
                                new ProducerPositions(new EventStoreStream(dataSource))))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(configuration)
                .build();
        relay.start();
    }

    /** CloudEvents id to producerseq, in the order the relay sent them. */
    private Map<String, Long> awaitPositions(int events) {
        await().atMost(Duration.ofSeconds(15)).until(() -> relayed().size() == events);
        Map<String, Long> positions = new LinkedHashMap<>();
        for (ProducerRecord<String, CloudEvent> record : relayed()) {
            positions.put(
                    record.value().getId(),
                    Long.valueOf(record.value()
                            .getExtension(CloudEventAttributes.PRODUCER_SEQUENCE)
                            .toString()));
        }
        return positions;
    }

    private List<ProducerRecord<String, CloudEvent>> relayed() {
        return broker.history().stream()
                .filter(r -> !Topics.STATEMENTS.equals(r.topic()))
                .toList();
    }

    private ProducerStatement sentStatement() throws Exception {
        ProducerRecord<String, CloudEvent> record = broker.history().stream()
                .filter(r -> Topics.STATEMENTS.equals(r.topic()))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(record.value().getType()).isEqualTo(ProducerStatement.TYPE);
        return EventJson.mapper().readValue(record.value().getData().toBytes(), ProducerStatement.class);
    }

    private static GenericDomainEventMessage<InterviewCancelled> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>(
                "Interview", aggregateId, sequence, new InterviewCancelled(aggregateId, "干部调整"));
    }
}
