package io.sanjiaodi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.audit.RunningAudit;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey;
import io.sanjiaodi.audit.checkpoint.note.TlogCheckpoint;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.merkle.Tiles;
import io.sanjiaodi.platform.security.Role;
import io.sanjiaodi.platform.security.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

/** The C2SP paths below /api/audit/log on the running service: formats, headers, access, refusals. */
class LogApiServiceTest {

    @TempDir
    static Path keys;

    private static RunningAudit audit;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        // the C2SP paths themselves; serving only witnessed checkpoints is WitnessedLogServiceTest's
        audit = RunningAudit.start(
                "audit_log_api_test",
                keys,
                "--audit.origin=log.example/audit",
                // the C2SP paths themselves; serving only witnessed checkpoints is WitnessedLogServiceTest's
                "--audit.witnesses-required=0");
        try (var producer = new KafkaProducer<String, CloudEvent>(
                Map.of("bootstrap.servers", audit.kafka().bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(
                                "interview.events",
                                "iv-1",
                                Events.event("ev-" + i, "iv-1", i, "InterviewScheduled", "{\"interviewId\":\"iv-1\"}")))
                        .get();
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/api/audit/log/checkpoint", null).body().startsWith("log.example/audit\n3\n"));
    }

    @AfterAll
    static void stop() {
        audit.close();
    }

    @Test
    void theCheckpointIsAC2spNoteThatTheServedVerifierKeyVerifiesWithoutAToken() throws Exception {
        HttpResponse<String> vkey = get("/api/audit/log/verifier-key", null);
        assertThat(vkey.statusCode()).isEqualTo(200);
        assertThat(vkey.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        Ed25519NoteKey key = Ed25519NoteKey.parse(vkey.body());
        assertThat(key.name()).isEqualTo("log.example/audit");

        HttpResponse<String> note = get("/api/audit/log/checkpoint", null);
        assertThat(note.headers().firstValue("Content-Type")).contains("text/plain;charset=utf-8");
        TlogCheckpoint c = TlogCheckpoint.open(note.body(), List.of(key));
        Checkpoint latest =
                json.readValue(get("/api/audit/checkpoints/latest", null).body(), Checkpoint.class);
        assertThat(c.treeSize()).isEqualTo(latest.treeSize());
        assertThat(Sha256.hex(c.rootHash())).isEqualTo(latest.rootHash());
        assertThat(latest.note())
                .as("the JSON checkpoint carries the same note")
                .isEqualTo(note.body());
        assertThat(latest.verify(key.javaKey())).isTrue();
    }

    @Test
    void hashTilesAreOpenBinaryAndAPartialOneIsCachedOnlyBriefly() throws Exception {
        HttpResponse<byte[]> tile = bytes("/api/audit/log/tile/0/000.p/3", null);
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(tile.headers().firstValue("Cache-Control")).contains("max-age=5, public");
        assertThat(Tiles.hashes(tile.body())).hasSize(3);
        assertThat(bytes("/api/audit/log/tile/0/000.p/2", null).body())
                .as("a narrower partial tile is a prefix")
                .isEqualTo(java.util.Arrays.copyOf(tile.body(), 64));
    }

    @Test
    void aTileBeyondTheSignedTreeIsNotFoundAndABadPathIsRefusedByCode() throws Exception {
        assertThat(code("/api/audit/log/tile/0/000", null)).isEqualTo("404 AUDIT_TILE_NOT_FOUND");
        assertThat(code("/api/audit/log/tile/0/000.p/4", null)).isEqualTo("404 AUDIT_TILE_NOT_FOUND");
        assertThat(code("/api/audit/log/tile/1/000.p/1", null)).isEqualTo("404 AUDIT_TILE_NOT_FOUND");
        assertThat(code("/api/audit/log/tile/0/0", null)).isEqualTo("422 AUDIT_BAD_TILE_PATH");
        assertThat(code("/api/audit/log/tile/0/000.p/256", null)).isEqualTo("422 AUDIT_BAD_TILE_PATH");
        assertThat(code("/api/audit/log/tile/64/000", null)).isEqualTo("422 AUDIT_BAD_TILE_PATH");
    }

    @Test
    void entryBundlesAreTheRootAuditorsAloneAndHashToTheLeaves() throws Exception {
        String path = "/api/audit/log/tile/entries/000.p/3";
        assertThat(bytes(path, null).statusCode()).as("no token").isEqualTo(401);
        assertThat(code(path, TestTokens.token("office"))).isEqualTo("403 ACCESS_DENIED");
        assertThat(code(path, TestTokens.token("unit-staff"))).isEqualTo("403 ACCESS_DENIED");
        String districtAuditor = TestTokens.token("yy-auditor", Role.AUDITOR, "yuyao", null, List.of());
        assertThat(code(path, districtAuditor)).isEqualTo("403 AUDIT_ENTRIES_ROOT_AUDITORS_ONLY");

        HttpResponse<byte[]> bundle = bytes(path, TestTokens.token("auditor"));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("private"));
        List<byte[]> entries = Tiles.entries(bundle.body());
        List<byte[]> leaves =
                Tiles.hashes(bytes("/api/audit/log/tile/0/000.p/3", null).body());
        assertThat(entries).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(Sha256.leafHash(entries.get(i))).isEqualTo(leaves.get(i));
        }
    }

    private static String code(String path, String token) throws Exception {
        HttpResponse<String> response = get(path, token);
        return response.statusCode() + " "
                + json.readTree(response.body()).path("code").asText();
    }

    @Test
    void theAsyncApiDocumentOfThePublishedLanguageIsOpen() throws Exception {
        HttpResponse<String> asyncApi = get("/v3/asyncapi", null);
        assertThat(asyncApi.statusCode()).isEqualTo(200);
        var doc = json.readTree(asyncApi.body());
        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/channels/interviewEvents/messages").has("InterviewConducted"))
                .isTrue();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, token), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return http.send(request(path, token), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(audit.url() + path));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return request.build();
    }
}
