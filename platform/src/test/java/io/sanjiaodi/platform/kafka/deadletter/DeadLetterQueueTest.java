package io.sanjiaodi.platform.kafka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.sanjiaodi.devstack.InProcessKafka;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A poison event goes to the dead-letter queue; later events of the same aggregate are held back
 * in order behind it while other aggregates keep flowing; after the fix a retry applies them all,
 * oldest first. Real broker (in-process KRaft) and a MongoDB-wire server.
 */
@SpringBootTest(
        classes = DeadLetterQueueTest.App.class,
        properties = {
            "sanjiaodi.service-name=dlq-test",
            "sanjiaodi.topics=dlq.events",
            "sanjiaodi.partitions=1",
            "spring.config.import=classpath:sanjiaodi-common.yml",
            "spring.mongodb.database=dlq",
            "sanjiaodi.event-store.schema=dlq"
        })
class DeadLetterQueueTest {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    static final String MONGO_URI = MONGO.bindAndGetConnectionString();
    static final InProcessKafka KAFKA = InProcessKafka.start(1);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add(
                "spring.datasource.url",
                () -> io.sanjiaodi.devstack.DevPostgres.shared().jdbcUrl());
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
        KAFKA.close();
    }

    @Autowired
    KafkaTemplate<String, CloudEvent> template;

    @Autowired
    PickyListener listener;

    @Autowired
    DeadLetterStore store;

    @Autowired
    DeadLetterRetrier retrier;

    @Autowired
    DeadLetterHealthIndicator health;

    @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void aPoisonEventIsParkedWithEverythingAfterItOfTheSameAggregateAndRetriedInOrderAfterTheFix() throws Exception {
        send("A", "a1", "poison");
        send("A", "a2", "fine");
        send("B", "b1", "fine");
        sendGarbage("C");
        send("A", "a3", "fine");
        send("D", "d1", "fine");

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains("d1") && store.count() == 4);
        assertThat(listener.handled).containsExactly("b1", "d1");
        assertThat(store.forKey("dlq-group", "A"))
                .extracting(DeadLetter::eventId, DeadLetter::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", DeadLetter.FAILED),
                        org.assertj.core.groups.Tuple.tuple("a2", DeadLetter.PARKED_BEHIND),
                        org.assertj.core.groups.Tuple.tuple("a3", DeadLetter.PARKED_BEHIND));
        assertThat(store.forKey("dlq-group", "C")).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetter.FAILED);
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
        });
        assertThat(health.health().getStatus()).isEqualTo(new Status("WARNING"));

        DeadLetterRetrier.Result stillBroken = retrier.retry("dlq-group", "A");
        assertThat(stillBroken.handled()).isZero();
        assertThat(stillBroken.remaining()).isEqualTo(3);

        listener.fixed = true;
        DeadLetterRetrier.Result retried = retrier.retry("dlq-group", "A");
        assertThat(retried.handled()).isEqualTo(3);
        assertThat(retried.remaining()).isZero();
        assertThat(listener.handled).containsExactly("b1", "d1", "a1", "a2", "a3");

        send("A", "a4", "fine");
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains("a4"));
        assertThat(store.forKey("dlq-group", "A")).isEmpty();
    }

    private void send(String key, String id, String data) throws Exception {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withType("TestEvent")
                .withSource(URI.create("/test"))
                .withSubject(key)
                .withData("text/plain", data.getBytes(StandardCharsets.UTF_8))
                .build();
        template.send("dlq.events", key, event).get();
    }

    private void sendGarbage(String key) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", brokers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("dlq.events", key, "not a cloud event"))
                    .get();
        }
    }

    static class PickyListener {
        final List<String> handled = new CopyOnWriteArrayList<>();
        volatile boolean fixed;

        @KafkaListener(topics = "dlq.events", groupId = "dlq-group")
        void on(CloudEvent event) {
            String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
            if (!fixed && data.equals("poison")) {
                throw new IllegalArgumentException("cannot handle " + event.getId());
            }
            handled.add(event.getId());
        }
    }

    @SpringBootApplication
    static class App {
        @Bean
        PickyListener pickyListener() {
            return new PickyListener();
        }
    }
}
