package io.sanjiaodi.audit.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sanjiaodi.devstack.InProcessKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * The writer's listeners against a real broker: a consumer that joins with the writer's
 * {@code group.instance.id} (an old writer that has not yet learnt it lost the lease) fences the
 * writer's listener, which spring-kafka stops; the next lease round restarts it and it consumes again.
 */
class WritingListenersTest {

    static final String TOPIC = "fenced.events";
    static final InProcessKafka KAFKA = InProcessKafka.start(1, TOPIC);

    final List<String> received = new CopyOnWriteArrayList<>();
    final ConcurrentMessageListenerContainer<String, String> container = container();
    final WritingListeners listeners = new WritingListeners(() -> List.of(container));

    @AfterEach
    void stopListener() {
        container.stop();
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.close();
    }

    @Test
    void aListenerFencedByAnOldWritersConsumerIsRestartedByTheNextRoundAndConsumesAgain() {
        listeners.start();
        send("before");
        await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("before"));
        assertThat(listeners.restartStopped())
                .as("nothing to restart while it runs")
                .isEmpty();

        fenceWithTheSameInstanceId();
        await().atMost(Duration.ofSeconds(60)).until(() -> !container.isInExpectedState() || !container.isRunning());

        assertThat(listeners.restartStopped()).containsExactly("audit-ingest");
        send("after");
        await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("after"));
        assertThat(container.isInExpectedState()).isTrue();
    }

    /** A second member with the listener's static id takes its place; the listener's next request is fenced. */
    private static void fenceWithTheSameInstanceId() {
        try (KafkaConsumer<String, String> old = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "writers",
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                "audit-ingest-0",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            old.subscribe(List.of(TOPIC));
            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (old.assignment().isEmpty() && System.nanoTime() < until) {
                old.poll(Duration.ofMillis(200));
            }
            assertThat(old.assignment())
                    .as("the old writer's consumer took the partition")
                    .isNotEmpty();
        }
    }

    private ConcurrentMessageListenerContainer<String, String> container() {
        ConcurrentKafkaListenerContainerFactory<String, String> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "writers",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class)));
        factory.setAutoStartup(false);
        ConcurrentMessageListenerContainer<String, String> created = factory.createContainer(TOPIC);
        created.setBeanName("audit-ingest");
        created.getContainerProperties()
                .setMessageListener((MessageListener<String, String>) r -> received.add(r.value()));
        return created;
    }

    private static void send(String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, "k", value));
        }
    }
}
