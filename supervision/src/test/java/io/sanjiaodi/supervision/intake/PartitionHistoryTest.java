package io.sanjiaodi.supervision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.devstack.InProcessKafka;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.ModelCollections;
import io.sanjiaodi.supervision.projection.SupervisionProjector;
import io.sanjiaodi.supervision.testing.MongoWire;
import io.sanjiaodi.supervision.web.LiveUpdates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The live listener, over a real broker: a ledger whose model missed the plan of a task (its
 * write lost after the offset was committed) reads it back from the partition when the task's
 * verification arrives, passing over a poison record of the same key on the way.
 */
class PartitionHistoryTest {

    static InProcessKafka kafka;
    private final MongoWire store = new MongoWire();
    private final SupervisionProjector projector = new SupervisionProjector(store.template(), ModelCollections.first());
    private SupervisionIntake intake;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InProcessKafka.start(2, Topics.RECTIFICATION_EVENTS);
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, CloudEvent> events =
                        new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
                KafkaProducer<String, byte[]> raw =
                        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            send(events, "L", 0, "RectificationOpened", """
                    {"ledgerId": "L", "unitId": "yy-hospital", "jurisdictionId": "yuyao", "tasks": [{"taskId": "t"}]}""");
            send(events, "other", 0, "RectificationOpened", """
                    {"ledgerId": "other", "unitId": "u", "jurisdictionId": "yuyao", "tasks": []}""");
            send(events, "L", 1, "TaskPlanned", """
                    {"ledgerId": "L", "taskId": "t", "deadline": "2019-03-31"}""");
            raw.send(new ProducerRecord<>(Topics.RECTIFICATION_EVENTS, "L", "not a cloud event".getBytes()))
                    .get();
            send(events, "L", 2, "TaskVerified", """
                    {"ledgerId": "L", "taskId": "t", "verifiedOn": "2019-03-20"}""");
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @AfterEach
    void close() {
        intake.destroy();
        store.close();
    }

    @Test
    void aLedgerThatMissedATaskPlanReadsItBackFromThePartitionWhenTheNextEventArrives() throws Exception {
        List<ConsumerRecord<String, CloudEvent>> records = readAllOf("L");
        intake = new SupervisionIntake(
                projector,
                mock(LiveUpdates.class),
                mock(KafkaListenerEndpointRegistry.class),
                new DefaultKafkaConsumerFactory<>(
                        Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())),
                store.template(),
                ModelCollections.first());

        intake.on(records.get(0)); // opened
        intake.on(records.get(2)); // verified; the plan's write was lost

        LedgerRecord ledger = store.template().findById("L", LedgerRecord.class);
        assertThat(ledger.lastSequence).isEqualTo(2);
        assertThat(ledger.tasks.get(0).status).isEqualTo(TaskStatus.VERIFIED);
        assertThat(ledger.tasks.get(0).deadline)
                .as("read back from the partition")
                .hasToString("2019-03-31");
    }

    /** The CloudEvents of one key, as the listener receives them (the poison record left out). */
    private static List<ConsumerRecord<String, CloudEvent>> readAllOf(String key) {
        List<ConsumerRecord<String, CloudEvent>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        new StringDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer());
                CloudEventDeserializer decode = new CloudEventDeserializer()) {
            List<TopicPartition> partitions = List.of(
                    new TopicPartition(Topics.RECTIFICATION_EVENTS, 0),
                    new TopicPartition(Topics.RECTIFICATION_EVENTS, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < 3 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key()) && r.value()[0] == '{') {
                        found.add(new ConsumerRecord<>(
                                r.topic(),
                                r.partition(),
                                r.offset(),
                                r.key(),
                                decode.deserialize(r.topic(), r.headers(), r.value())));
                    }
                }
            }
        }
        assertThat(found).hasSize(3);
        return found;
    }

    private static void send(KafkaProducer<String, CloudEvent> producer, String id, long seq, String type, String json)
            throws Exception {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id + "-" + seq)
                .withType(type)
                .withSource(URI.create("/sanjiaodi/rectification-service"))
                .withSubject(id)
                .withTime(OffsetDateTime.parse("2019-03-01T08:00:00Z").plusMinutes(seq))
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, Long.toString(seq))
                .withExtension(CloudEventAttributes.AGGREGATE_TYPE, "Rectification")
                .withData("application/json", json.getBytes(StandardCharsets.UTF_8))
                .build();
        producer.send(new ProducerRecord<>(Topics.RECTIFICATION_EVENTS, id, event))
                .get();
    }
}
