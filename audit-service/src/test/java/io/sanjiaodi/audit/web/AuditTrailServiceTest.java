package io.sanjiaodi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.audit.RunningAudit;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.merkle.MerkleProofs;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.platform.security.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as deployed: events from Kafka into the log, a signed checkpoint, a proof that
 * verifies; then refused requests, which add to the log (so that test runs second).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailServiceTest {

    @TempDir
    static Path keys;

    private static RunningAudit audit;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        audit = RunningAudit.start("audit_trail_test", keys);
    }

    @AfterAll
    static void stop() {
        audit.close();
    }

    @Test
    @Order(1)
    void anEventFromKafkaIsProvablyInTheSignedLog() throws Exception {
        try (var producer = new KafkaProducer<String, CloudEvent>(
                Map.of("bootstrap.servers", audit.kafka().bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer())) {
            for (int i = 0; i < 3; i++) {
                CloudEvent event = CloudEventBuilder.v1(Events.event(
                                "ev-" + i,
                                "iv-9",
                                i,
                                i == 2 ? "InterviewConducted" : "InterviewScheduled",
                                "{\"interviewId\":\"iv-9\"}"))
                        .withExtension("actor", "office")
                        .withExtension("actorrole", "SUPERVISION_OFFICE")
                        .build();
                producer.send(new ProducerRecord<>("interview.events", "iv-9", event))
                        .get();
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        get("/api/audit/checkpoints/latest").path("treeSize").asLong() == 3);
        Checkpoint checkpoint = json.treeToValue(get("/api/audit/checkpoints/latest"), Checkpoint.class);
        String pem = http.send(
                        HttpRequest.newBuilder(url("/api/audit/public-key")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(checkpoint.verify(Keys.publicKey(pem))).isTrue();

        JsonNode proof = get("/api/audit/proofs/inclusion?eventId=ev-2");
        assertThat(MerkleProofs.verifyInclusion(
                        proof.get("leafIndex").asLong(),
                        checkpoint.treeSize(),
                        Sha256.unhex(proof.get("leafHash").asText()),
                        StreamSupport.stream(proof.get("auditPath").spliterator(), false)
                                .map(n -> Sha256.unhex(n.asText()))
                                .toList(),
                        checkpoint.root()))
                .isTrue();
        assertThat(get("/api/audit/events/ev-2").get("type").asText()).isEqualTo("InterviewConducted");
        assertThat(get("/api/audit/events?aggregateId=iv-9")).hasSize(3);
        assertThat(get("/api/audit/aggregates/iv-9")
                        .at("/summary/interview/status")
                        .asText())
                .isEqualTo("CONDUCTED");
        assertThat(get("/api/audit/events/ev-2").get("actor").asText()).isEqualTo("office");
        JsonNode report = json.readTree(http.send(
                        HttpRequest.newBuilder(url("/api/audit/verify"))
                                .header("Authorization", TestTokens.bearer(TestTokens.token("auditor")))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(get("/actuator/health").at("/components/auditGaps/status").asText())
                .isEqualTo("UP");
        assertThat(get("/api/audit/proofs/inclusion?eventId=nope").get("code").asText())
                .isEqualTo("AUDIT_ENTRY_NOT_FOUND");
    }

    @Test
    @Order(2)
    void refusedSignedInRequestsAreRecordedInTheTrailUnauthenticatedOnesNotAndOnlyAnAuditorListsThem()
            throws Exception {
        assertThat(status("/api/audit/events", null)).isEqualTo(401);
        assertThat(status("/api/audit/events", TestTokens.token("unit-staff"))).isEqualTo(403);
        assertThat(status("/api/audit/history", TestTokens.expired("office"))).isEqualTo(401);
        assertThat(status("/api/audit/history", TestTokens.wrongKey("office"))).isEqualTo(401);
        assertThat(status("/api/audit/history", TestTokens.tampered("unit-staff")))
                .isEqualTo(401);
        assertThat(status("/api/audit/history", TestTokens.wrongIssuer("office")))
                .isEqualTo(401);
        assertThat(status("/api/audit/security-events", TestTokens.token("office")))
                .isEqualTo(403);
        assertThat(status("/api/audit/public-key", null)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode denied = get("/api/audit/security-events");
            assertThat(denied.findValuesAsText("type")).contains("AccessDenied");
            assertThat(denied.findValues("payload").stream()
                            .map(p -> p.path("userId").asText() + ":"
                                    + p.path("code").asText() + ":"
                                    + p.path("path").asText())
                            .toList())
                    .contains(
                            "unit-staff:ACCESS_DENIED:/api/audit/events",
                            "office:ACCESS_DENIED:/api/audit/security-events");
            assertThat(denied.findValuesAsText("actor")).contains("unit-staff", "office");
        });
        // 401s (no token, or one that is not valid) are counted, never appended: anyone can send them
        assertThat(get("/api/audit/security-events").findValues("payload").stream()
                        .filter(p -> p.path("code").asText().equals("AUTHENTICATION_REQUIRED")
                                || p.path("code").asText().equals("TOKEN_INVALID")))
                .isEmpty();
    }

    private static int status(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** As the auditor, who may read everything in the trail. */
    private static JsonNode get(String path) throws Exception {
        return json.readTree(http.send(
                        HttpRequest.newBuilder(url(path))
                                .header("Authorization", TestTokens.bearer(TestTokens.token("auditor")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static URI url(String path) {
        return URI.create(audit.url() + path);
    }
}
