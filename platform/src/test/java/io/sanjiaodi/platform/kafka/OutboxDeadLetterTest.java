package io.sanjiaodi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.contracts.interview.InterviewCancelled;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.devstack.InProcessKafka;
import io.sanjiaodi.platform.axon.EventStoreProperties;
import io.sanjiaodi.platform.axon.PostgresEventStore;
import io.sanjiaodi.platform.json.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay is never stuck behind one event: a real broker refuses an event that is too
 * large for the topic (and the producer one too large to send at all); each is set aside in the
 * PostgreSQL dead-letter queue with the later events of its aggregate, every other aggregate's
 * events are published, and after the fix a retry publishes the set-aside events in order. An
 * unreachable broker is an outage, not a dead letter: nothing is set aside and nothing moves.
 */
class OutboxDeadLetterTest {

    static final String TOPIC = "outbox.events";
    /** record limits (bytes) of the producer or the topic */
    static final int SMALL = 4_000;

    static final int LARGE = 16_000;
    static final String TOO_LARGE = "org.apache.kafka.common.errors.RecordTooLargeException";

    final String schema = "outbox_" + UUID.randomUUID().toString().substring(0, 8);
    final PGSimpleDataSource dataSource = DevPostgres.shared().dataSource(schema);
    final EventStoreProperties properties = new EventStoreProperties(schema, Duration.ofMinutes(10), 250, 100);
    final TransactionManager transactions = new SpringTransactionManager(new JdbcTransactionManager(dataSource));
    final ConnectionProvider connections = PostgresEventStore.connectionProvider(dataSource);
    final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    final EmbeddedEventStore store;
    final JdbcSequencedDeadLetterQueue<EventMessage<?>> queue;
    final InMemoryTokenStore tokens = new InMemoryTokenStore();
    InProcessKafka kafka;
    DeadLetteringEventHandlerInvoker invoker;
    TrackingEventProcessor relay;
    DefaultKafkaProducerFactory<String, CloudEvent> producers;

    OutboxDeadLetterTest() {
        PostgresEventStore.createSchema(dataSource, properties);
        store = EmbeddedEventStore.builder()
                .storageEngine(PostgresEventStore.engine(connections, transactions, serializer, serializer, properties))
                .build();
        queue = PostgresEventStore.deadLetterQueue(
                KafkaEventPublisher.PROCESSING_GROUP, connections, transactions, serializer, serializer);
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.shutDown();
        }
        store.shutDown();
        if (producers != null) {
            producers.destroy();
        }
        if (consumer != null) {
            consumer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anEventTooLargeToSendIsSetAsideWithItsAggregatesLaterEventsAndTheOthersArePublished() throws Exception {
        kafka = InProcessKafka.start(1, TOPIC);
        appendHistory();
        startRelay(kafka.bootstrapServers(), SMALL);

        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            published.addAll(poll());
            return keys(published).containsAll(List.of("iv-b", "iv-d")) && queue.size() == 3;
        });
        assertThat(keys(published)).as("b and d were not held up").containsSubsequence("iv-b", "iv-b", "iv-d");
        assertThat(keys(published)).doesNotContain("iv-c");
        assertThat(reasons(published, "iv-a"))
                .as("of iv-a only the event before the refused one: the one after it was never sent")
                .containsOnly("小");
        assertThat(causes("iv-a"))
                .as("the refused event with its cause, the one after it parked behind it")
                .containsExactly(TOO_LARGE, null);
        assertThat(causes("iv-c")).containsExactly(TOO_LARGE);

        assertThat(invoker.process(letter -> isOf(letter, "iv-a")))
                .as("a retry before the fix fails and keeps the letters")
                .isFalse();
        assertThat(queue.size()).isEqualTo(3);

        // the fix: the operator raises the limit and restarts the relay, then retries iv-a
        relay.shutDown();
        startRelay(kafka.bootstrapServers(), LARGE);
        assertThat(invoker.process(letter -> isOf(letter, "iv-a"))).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            published.addAll(poll());
            return eventIds(published, "iv-a").size() == 3;
        });
        assertThat(reasons(published, "iv-a"))
                .as("iv-a's events in their order")
                .containsExactly("小", "大".repeat(SMALL / 2), "小");
        assertThat(causes("iv-c"))
                .as("iv-c is too large even so, and still waits")
                .containsExactly(TOO_LARGE);
    }

    /**
     * A topic whose limit was set below the producer's: the broker refuses after the send, and the
     * relay finds the culprit by sending it alone on the batch's retry. The outbox is not stuck
     * either; only the events of the culprit's aggregate that were in flight with it may be on the
     * topic before it (README "Outbox dead letters").
     */
    @Test
    void anEventTheBrokerRefusesAfterTheSendIsFoundAndSetAsideAndTheOthersArePublished() throws Exception {
        kafka = InProcessKafka.start(1, TOPIC);
        limitTopic(SMALL);
        appendHistory();
        startRelay(kafka.bootstrapServers(), LARGE);

        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            published.addAll(poll());
            return keys(published).containsAll(List.of("iv-b", "iv-d")) && queue.size() == 3;
        });
        assertThat(reasons(published, "iv-a")).doesNotContain("大".repeat(SMALL / 2));
        assertThat(causes("iv-a")).containsExactly(TOO_LARGE, null);
        assertThat(causes("iv-c")).containsExactly(TOO_LARGE);
    }

    @Test
    void anUnreachableBrokerSetsNothingAsideAndThePositionStays() throws Exception {
        append("iv-a", "小");
        append("iv-b", "小");
        startRelay("localhost:" + freePort(), LARGE);

        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(queue.size()).as("an outage is not the events' fault").isZero();
        TrackingToken token = WrappedToken.unwrapLowerBound(tokens.fetchToken(KafkaEventPublisher.PROCESSING_GROUP, 0));
        assertThat(token == null ? -1 : token.position().orElse(-1))
                .as("nothing counted as published")
                .isLessThan(0);
    }

    /** iv-a's second event is over SMALL, iv-c's only one over LARGE. */
    private void appendHistory() {
        append("iv-a", "小", "大".repeat(SMALL / 2), "小");
        append("iv-b", "小", "小");
        append("iv-c", "巨".repeat(LARGE / 2));
        append("iv-d", "小");
    }

    private void startRelay(String bootstrapServers, int maxRequestBytes) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                maxRequestBytes,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                CloudEventSerializer.class);
        if (producers != null) {
            producers.destroy();
        }
        producers = new DefaultKafkaProducerFactory<>(config);
        KafkaTemplate<String, CloudEvent> template = new KafkaTemplate<>(producers);
        invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new KafkaEventPublisher(
                        template, new CloudEventMapper(EventJson.mapper(), "/sanjiaodi/test"), TOPIC))
                .queue(queue)
                .enqueuePolicy(new OutboxEnqueuePolicy())
                .transactionManager(transactions)
                .build();
        relay = TrackingEventProcessor.builder()
                .name(KafkaEventPublisher.PROCESSING_GROUP)
                .eventHandlerInvoker(invoker)
                .messageSource(store)
                .tokenStore(tokens)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(10)
                        .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS))
                .build();
        relay.start();
    }

    private void append(String interview, String... reasons) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < reasons.length; i++) {
            events.add(new GenericDomainEventMessage<>(
                    "Interview", interview, i, new InterviewCancelled(interview, reasons[i])));
        }
        transactions.executeInTransaction(() -> store.publish(events));
    }

    private List<String> causes(String aggregate) {
        List<String> causes = new ArrayList<>();
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(aggregate)) {
            causes.add(letter.cause().map(c -> c.type()).orElse(null));
        }
        return causes;
    }

    private static boolean isOf(DeadLetter<? extends EventMessage<?>> letter, String aggregate) {
        return ((DomainEventMessage<?>) letter.message())
                .getAggregateIdentifier()
                .equals(aggregate);
    }

    private void limitTopic(int bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Collection<AlterConfigOp> change = List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(bytes)),
                    AlterConfigOp.OpType.SET));
            admin.incrementalAlterConfigs(Map.of(topic, change)).all().get();
        }
    }

    private KafkaConsumer<String, byte[]> consumer;

    private List<ConsumerRecord<String, byte[]>> poll() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "outbox-test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                    4 * 1_048_576,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class));
            consumer.subscribe(List.of(TOPIC));
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        return records;
    }

    private static List<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private static List<String> reasons(List<ConsumerRecord<String, byte[]>> records, String key) throws Exception {
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (key.equals(record.key())) {
                reasons.add(EventJson.mapper()
                        .readTree(record.value())
                        .get("reason")
                        .asText());
            }
        }
        return reasons;
    }

    private static java.util.Set<String> eventIds(List<ConsumerRecord<String, byte[]>> records, String key) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (key.equals(record.key())) {
                ids.add(new String(
                        record.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return ids;
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
