package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.audit.RunningAudit;
import io.sanjiaodi.platform.security.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit consumer over a real broker: a record that is not a CloudEvent, and an event whose
 * data is not a JSON object, are parked — the latter with the later records of its key, in the
 * same poll and in later ones — while other aggregates' events are recorded; the letters are
 * listed, and a retry hands them to the batch listener, which still refuses the event and keeps
 * every letter (the listener must not park it again and count it handled).
 */
class PoisonRecordServiceTest {

    @TempDir
    Path keys;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void poisonRecordsAreParkedWithTheirKeysLaterEventsAndPauseNothingElse() throws Exception {
        try (RunningAudit audit = RunningAudit.start("audit_poison_test", keys);
                var raw = new KafkaProducer<String, byte[]>(
                        Map.of("bootstrap.servers", audit.kafka().bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer());
                var events = new KafkaProducer<String, CloudEvent>(
                        Map.of("bootstrap.servers", audit.kafka().bootstrapServers()),
                        new StringSerializer(),
                        new CloudEventSerializer())) {
            raw.send(new ProducerRecord<>("interview.events", "iv-0", "不是 CloudEvent".getBytes(StandardCharsets.UTF_8)))
                    .get();
            events.send(new ProducerRecord<>(
                            "interview.events",
                            "iv-1",
                            Events.event("iv-1-0", "iv-1", 0, "InterviewScheduled", "[\"not\", \"an object\"]")))
                    .get();
            events.send(event("iv-1", 1)).get();
            events.send(event("iv-2", 0)).get();

            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            get(audit, "/api/audit/events?aggregateId=iv-2").size() == 1
                                    && auditLetters(audit).size() == 3);
            events.send(event("iv-1", 2)).get();
            events.send(event("iv-3", 0)).get();
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            get(audit, "/api/audit/events?aggregateId=iv-3").size() == 1);

            List<JsonNode> letters = auditLetters(audit);
            assertThat(letters).hasSize(4);
            assertThat(letters.stream().map(l -> l.path("key").asText()))
                    .containsExactlyInAnyOrder("iv-0", "iv-1", "iv-1", "iv-1");
            assertThat(letters.stream()
                            .filter(l -> l.path("key").asText().equals("iv-1"))
                            .map(l -> l.path("reason").asText()))
                    .as("iv-1's letters in their order (one partition)")
                    .containsExactly("FAILED", "PARKED_BEHIND", "PARKED_BEHIND");
            assertThat(get(audit, "/api/audit/events?aggregateId=iv-1")).isEmpty();

            HttpResponse<String> retried = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(audit.url() + "/api/dead-letters/retry?group=audit-service&key=iv-1"))
                            .header("Authorization", TestTokens.bearer(TestTokens.token("admin")))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(retried.statusCode()).isEqualTo(200);
            JsonNode result = json.readTree(retried.body());
            assertThat(result.path("handled").asInt()).isZero();
            assertThat(result.path("remaining").asInt()).isEqualTo(3);
            assertThat(result.path("error").isNull())
                    .as("the listener's refusal is reported")
                    .isFalse();
            assertThat(auditLetters(audit)).hasSize(4);
            assertThat(get(audit, "/api/audit/events?aggregateId=iv-1")).isEmpty();
        }
    }

    private static ProducerRecord<String, CloudEvent> event(String interview, long sequence) {
        return new ProducerRecord<>(
                "interview.events",
                interview,
                Events.event(interview + "-" + sequence, interview, sequence, "InterviewScheduled", "{}"));
    }

    /** The audit log's letters (the supervision models hosted here are another consumer group with their own). */
    private List<JsonNode> auditLetters(RunningAudit audit) throws Exception {
        List<JsonNode> letters = new ArrayList<>();
        get(audit, "/api/dead-letters").forEach(letter -> {
            if (letter.path("group").asText().equals(AuditIngestor.GROUP)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private JsonNode get(RunningAudit audit, String path) throws Exception {
        return json.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(audit.url() + path))
                                .header("Authorization", TestTokens.bearer(TestTokens.token("auditor")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }
}
