package io.sanjiaodi.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.supervision.intake.SupervisionReplay;
import io.sanjiaodi.supervision.projection.ModelCollections;
import io.sanjiaodi.supervision.projection.SupervisionProjector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Projection rebuild rate: the supervision models rebuilt by the production replay code
 * ({@link SupervisionReplay}: Kafka fetch, CloudEvent decoding, JSON, batched model updates)
 * from N events on the same broker and store, in topics and a database of their own so that the
 * running system's data is untouched. The events are what a year of interviews produces: per
 * interview 11 (scheduled, nine list items, conducted with the frozen lists) and 22 on its ledger
 * (opened with six tasks, each planned, reported on and verified, written report, tracking
 * evaluation, closed), interleaved two hundred interviews at a time as they are in the topics.
 */
final class RebuildBenchmark {

    private static final int PER_INTERVIEW = 33;
    private static final int WAVE = 200;
    private final String kafkaBootstrap;
    private final String mongoUri;
    private final String runId;

    RebuildBenchmark(String kafkaBootstrap, String mongoUri, String runId) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.runId = runId;
    }

    SupervisionReplay.Result run(int events) throws Exception {
        List<String> topics = List.of("bench.rebuild.interview." + runId, "bench.rebuild.rectification." + runId);
        String database = "bench_rebuild_" + runId;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafkaBootstrap));
                MongoClient mongo = MongoClients.create(mongoUri)) {
            admin.createTopics(topics.stream()
                            .map(t -> new NewTopic(t, 3, (short) 1))
                            .toList())
                    .all()
                    .get();
            try {
                publish(topics, events);
                SupervisionReplay replay = new SupervisionReplay(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap),
                        new SupervisionProjector(new MongoTemplate(mongo, database), ModelCollections.first()));
                return replay.replay(topics);
            } finally {
                admin.deleteTopics(topics).all().get();
                mongo.getDatabase(database).drop();
            }
        }
    }

    private void publish(List<String> topics, int events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafkaBootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4");
        try (KafkaProducer<String, CloudEvent> producer =
                new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer())) {
            int interviews = (events + PER_INTERVIEW - 1) / PER_INTERVIEW;
            int sent = 0;
            for (int wave = 0; wave < interviews && sent < events; wave += WAVE) {
                for (int step = 0; step < PER_INTERVIEW && sent < events; step++) {
                    for (int i = wave; i < Math.min(wave + WAVE, interviews) && sent < events; i++) {
                        String interview = "rb-" + runId + "-" + i;
                        boolean onLedger = step >= 11;
                        String subject = onLedger ? "ledger-" + interview : interview;
                        long sequence = onLedger ? step - 11 : step;
                        producer.send(new ProducerRecord<>(
                                topics.get(onLedger ? 1 : 0),
                                subject,
                                event(
                                        subject,
                                        sequence,
                                        SyntheticEvents.type(step),
                                        SyntheticEvents.payload(step, interview))));
                        sent++;
                    }
                }
            }
            producer.flush();
        }
    }

    private static CloudEvent event(String subject, long sequence, String type, String payload) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type)
                .withSource(URI.create(CloudEventAttributes.SOURCE_PREFIX + "benchmark"))
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, Long.toString(sequence))
                .withData("application/json", payload.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
