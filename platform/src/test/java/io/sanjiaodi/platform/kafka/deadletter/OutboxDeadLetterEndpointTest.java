package io.sanjiaodi.platform.kafka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.contracts.interview.InterviewCancelled;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.devstack.InProcessKafka;
import io.sanjiaodi.platform.security.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox relay's dead-letter queue as a service gets it from the platform: an event the topic
 * refuses is listed by {@code GET /api/dead-letters} (type of error only), makes health WARNING
 * and the {@code unpublished} gauge 1, and {@code POST /api/dead-letters/retry} publishes it after
 * the fix.
 */
@SpringBootTest(
        classes = OutboxDeadLetterEndpointTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sanjiaodi.service-name=outbox-test",
            "sanjiaodi.topics=" + OutboxDeadLetterEndpointTest.TOPIC,
            "sanjiaodi.publish-topic=" + OutboxDeadLetterEndpointTest.TOPIC,
            "sanjiaodi.statements.enabled=false",
            "spring.config.import=classpath:sanjiaodi-common.yml",
            "spring.mongodb.database=outbox",
            "sanjiaodi.event-store.schema=outbox_endpoint"
        })
class OutboxDeadLetterEndpointTest {

    static final String TOPIC = "outbox-endpoint.events";
    static final MongoServer MONGO = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    static final InProcessKafka KAFKA = InProcessKafka.start(1, TOPIC);
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    EventStore events;

    @Autowired
    TransactionManager transactions;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::bindAndGetConnectionString);
        registry.add("spring.datasource.url", () -> DevPostgres.shared().jdbcUrl());
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    @AfterAll
    static void stop() {
        KAFKA.close();
        MONGO.shutdownNow();
    }

    @Test
    void anEventTheTopicRefusesIsListedCountedAndPublishedByARetryAfterTheFix() throws Exception {
        limitTopic(2_000);
        publish("iv-big", "大".repeat(1_000));
        publish("iv-small", "小");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/dead-letters").size() == 1);
        JsonNode letter = get("/api/dead-letters").get(0);
        assertThat(letter.path("group").asText()).isEqualTo("kafka-publisher");
        assertThat(letter.path("key").asText()).isEqualTo("iv-big");
        assertThat(letter.path("topic").asText()).isEqualTo(TOPIC);
        assertThat(letter.path("reason").asText()).isEqualTo("FAILED");
        assertThat(letter.path("error").asText()).isEqualTo("RecordTooLargeException");
        assertThat(letter.path("type").asText()).isEqualTo("InterviewCancelled");
        assertThat(letter.toString()).as("no payload in the list").doesNotContain("大大");

        JsonNode health = get("/actuator/health");
        assertThat(health.at("/components/deadLetters/status").asText()).isEqualTo("WARNING");
        assertThat(health.at("/components/deadLetters/details/unpublished").asLong())
                .isEqualTo(1);
        assertThat(text("/actuator/prometheus"))
                .contains("sanjiaodi_dead_letters{kind=\"unpublished\",service=\"outbox-test\"} 1.0")
                // the outbox relay's own position (ProcessorLagTest has the figures)
                .containsPattern(
                        "sanjiaodi_processor_lag\\{processor=\"kafka-publisher\",service=\"outbox-test\"} [0-9.]+")
                .containsPattern("sanjiaodi_event_store_head\\{service=\"outbox-test\"} [0-9.]+");

        limitTopic(1_048_588);
        HttpResponse<String> retried =
                send(HttpRequest.newBuilder(uri("/api/dead-letters/retry?group=kafka-publisher&key=iv-big"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(retried.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(retried.body());
        assertThat(result.path("handled").asInt()).isEqualTo(1);
        assertThat(result.path("remaining").asInt()).isZero();
        assertThat(get("/api/dead-letters")).isEmpty();
        assertThat(get("/actuator/health").at("/components/deadLetters/status").asText())
                .isEqualTo("UP");
    }

    private void publish(String aggregate, String reason) {
        transactions.executeInTransaction(() -> events.publish(
                new GenericDomainEventMessage<>("Interview", aggregate, 0, new InterviewCancelled(aggregate, reason))));
    }

    private static void limitTopic(int bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, TOPIC),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(bytes)),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
        }
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(text(path));
    }

    private String text(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET()).body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        request.header("Authorization", "Bearer " + TestTokens.token("admin"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @SpringBootApplication
    static class App {}
}
