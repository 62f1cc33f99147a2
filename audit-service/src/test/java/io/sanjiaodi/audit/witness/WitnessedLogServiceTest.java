package io.sanjiaodi.audit.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.audit.RunningAudit;
import io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.witness.Witness;
import io.sanjiaodi.witness.WitnessKey;
import io.sanjiaodi.witness.WitnessServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as deployed with one required witness, a real one (the witness module's server): while
 * it is down, events are still appended and signed, the C2SP checkpoint is 503 and health names the
 * witness; once it is up, the checkpoint is served with its cosignature, which verifies.
 */
class WitnessedLogServiceTest {

    static final String WITNESS = "witness.test/w1";

    @TempDir
    static Path data;

    private static RunningAudit audit;
    private static WitnessServer witness;
    private static WitnessKey witnessKey;
    private static int witnessPort;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        witnessKey = new WitnessKey(WITNESS, data.resolve("witness"));
        try (ServerSocket free = new ServerSocket(0)) {
            witnessPort = free.getLocalPort(); // the witness starts on it later: down at first
        }
        audit = RunningAudit.start(
                "audit_witness_test",
                data,
                "--audit.witnesses-required=1",
                "--audit.witnesses[0].name=" + WITNESS,
                "--audit.witnesses[0].url=http://127.0.0.1:" + witnessPort,
                "--audit.witnesses[0].verifier-key=" + witnessKey.verifierKey());
    }

    @AfterAll
    static void stop() {
        if (witness != null) {
            witness.close();
        }
        audit.close();
    }

    @Test
    void aDownWitnessStopsNeitherAppendsNorSigningAndTheCheckpointIsServedOnceItCosigned() throws Exception {
        publish(3);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        get("/api/audit/checkpoints/latest").path("treeSize").asLong() == 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/actuator/health")
                        .at("/components/witnesses/details/witnesses/" + WITNESS.replace("/", "~1") + "/state")
                        .asText()
                        .equals("UNREACHABLE"));
        HttpResponse<String> notYet = send("/api/audit/log/checkpoint");
        assertThat(notYet.statusCode()).isEqualTo(503);
        assertThat(json.readTree(notYet.body()).get("code").asText()).isEqualTo("AUDIT_NOT_YET_WITNESSED");
        assertThat(get("/actuator/health").at("/components/witnesses/status").asText())
                .isEqualTo("WARNING");

        String logKey = send("/api/audit/log/verifier-key").body().strip();
        witness = new WitnessServer(
                        Witness.open(
                                witnessKey,
                                List.of(new Witness.LogConfig(logKey.substring(0, logKey.indexOf('+')), logKey)),
                                data.resolve("witness"),
                                Clock.systemUTC()),
                        new InetSocketAddress("127.0.0.1", witnessPort),
                        "")
                .start();

        await().atMost(Duration.ofSeconds(90))
                .until(() -> send("/api/audit/log/checkpoint").statusCode() == 200);
        String served = send("/api/audit/log/checkpoint").body();
        SignedNote note = SignedNote.parse(served);
        assertThat(note.text()).contains("\n3\n");
        assertThat(note.verify(List.of(Ed25519NoteKey.parse(logKey)))).isNotEmpty();
        String cosignature = served.lines()
                .filter(l -> l.startsWith("\u2014 " + WITNESS + " "))
                .findFirst()
                .orElseThrow();
        assertThat(CosignerKey.parse(witnessKey.verifierKey()).verify(cosignature, note.text()))
                .isPositive();
        JsonNode latest = get("/api/audit/checkpoints/latest");
        assertThat(latest.at("/cosignatures/0/witness").asText()).isEqualTo(WITNESS);
        assertThat(latest.at("/cosignatures/0/line").asText()).isEqualTo(cosignature);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/actuator/health")
                        .at("/components/witnesses/status")
                        .asText()
                        .equals("UP"));
    }

    private static void publish(int n) throws Exception {
        try (var producer = new KafkaProducer<String, CloudEvent>(
                Map.of("bootstrap.servers", audit.kafka().bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer())) {
            for (int i = 0; i < n; i++) {
                CloudEvent event = CloudEventBuilder.v1(
                                Events.event("ev-" + i, "iv-1", i, "InterviewScheduled", "{\"interviewId\":\"iv-1\"}"))
                        .withExtension("actor", "office")
                        .withExtension("actorrole", "SUPERVISION_OFFICE")
                        .build();
                producer.send(new ProducerRecord<>("interview.events", "iv-1", event))
                        .get();
            }
        }
    }

    private static HttpResponse<String> send(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(audit.url() + path))
                        .header("Authorization", TestTokens.bearer(TestTokens.token("auditor")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        return json.readTree(send(path).body());
    }
}
