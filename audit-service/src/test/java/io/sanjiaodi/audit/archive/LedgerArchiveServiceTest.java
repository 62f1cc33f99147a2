package io.sanjiaodi.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.audit.RunningAudit;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.completeness.ProducerStatements;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import io.sanjiaodi.audit.verify.asof.AsOfVerifier;
import io.sanjiaodi.audit.verify.asof.Finding;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import io.sanjiaodi.platform.security.Role;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * The service as deployed, fed an interview and its ledger through Kafka: the ledger's archive
 * verifies itself in a JVM of its own with nothing but {@code java -jar verifier.jar}, a changed
 * byte of one event is named, an auditor of another district is refused; and an as-of proof with
 * the next event beyond its checkpoint verifies.
 */
class LedgerArchiveServiceTest {

    private static final String INTERVIEW = "iv-7";
    private static final String LEDGER = "ledger-iv-7";
    private static final String WITNESS = "witness.test/w1";
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path keys;

    @TempDir
    Path work;

    private static RunningAudit audit;
    private static WitnessServer witness;
    private static WitnessKey witnessKey;

    /**
     * The service as the local run has it: one witness required (a real one, in-process), the
     * producers' statements received as its Kafka listener receives them, a grace of one second.
     */
    @BeforeAll
    static void start() throws Exception {
        witnessKey = new WitnessKey(WITNESS, keys.resolve("witness"));
        int witnessPort;
        try (ServerSocket free = new ServerSocket(0)) {
            witnessPort = free.getLocalPort();
        }
        audit = RunningAudit.start(
                "audit_archive_test",
                keys,
                "--audit.completeness.grace=1s",
                "--audit.witnesses-required=1",
                "--audit.witnesses[0].name=" + WITNESS,
                "--audit.witnesses[0].url=http://127.0.0.1:" + witnessPort,
                "--audit.witnesses[0].verifier-key=" + witnessKey.verifierKey());
        String logVkey =
                new String(get("/api/audit/log/verifier-key", "auditor").body(), StandardCharsets.UTF_8).strip();
        witness = new WitnessServer(
                        Witness.open(
                                witnessKey,
                                List.of(new Witness.LogConfig(logVkey.substring(0, logVkey.indexOf('+')), logVkey)),
                                keys.resolve("witness"),
                                Clock.systemUTC()),
                        new InetSocketAddress("127.0.0.1", witnessPort),
                        "")
                .start();
        publish(
                interview(
                        0,
                        "InterviewScheduled",
                        "{\"interviewId\":\"iv-7\",\"interviewee\":{\"unitId\":\"nb-transport\","
                                + "\"jurisdictionId\":\"ningbo\"}}"),
                interview(
                        1,
                        "ProblemItemAdded",
                        "{\"interviewId\":\"iv-7\",\"item\":{\"itemId\":\"p-1\","
                                + "\"description\":\"公车私用\"},\"listVersion\":1}"),
                interview(2, "InterviewConducted", "{\"interviewId\":\"iv-7\"}"),
                ledger(
                        0,
                        "RectificationOpened",
                        "{\"interviewId\":\"iv-7\",\"unitId\":\"nb-transport\","
                                + "\"jurisdictionId\":\"ningbo\",\"tasks\":[{\"taskId\":\"t-1\"}]}"),
                ledger(1, "TaskPlanned", "{\"taskId\":\"t-1\"}"));
        awaitCheckpoint(5);
        state("interview-service", new ProducerStatement.Head(INTERVIEW, 2));
        state("rectification-service", new ProducerStatement.Head(LEDGER, 1));
        Thread.sleep(1_100); // past the grace: the next checkpoint must hold what the statements state
        publish(ledger(2, "TaskVerified", "{\"taskId\":\"t-1\"}"));
        awaitCheckpoint(6);
        // the archive proves against the served (cosigned) checkpoint: wait until that is the one of size 6
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<byte[]> served = get("/api/audit/log/checkpoint", "auditor");
            return served.statusCode() == 200
                    && new String(served.body(), StandardCharsets.UTF_8).split("\n")[1].equals("6");
        });
    }

    /** A producer's signed statement (its size and root are not what the archive checks), as received. */
    private static void state(String producer, ProducerStatement.Head head) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ProducerStatement statement = new ProducerStatement(
                        producer, 3, "00".repeat(32), System.currentTimeMillis(), List.of(head), null, null)
                .signed(pair.getPrivate(), pair.getPublic());
        audit.service().getBean(ProducerStatements.class).receive(producer + "-1", statement);
    }

    @AfterAll
    static void stop() {
        if (witness != null) {
            witness.close();
        }
        audit.close();
    }

    @Test
    void theArchiveVerifiesItselfWithOnlyAJreAndNamesTheEventWhoseByteChanged() throws Exception {
        HttpResponse<byte[]> download = get("/api/audit/archives/ledgers/" + LEDGER + ".zip", "auditor");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        Path dir = ArchiveFiles.unzip(download.body(), work);
        assertThat(dir.resolve("说明.md")).exists();
        assertThat(dir.resolve("statements")).isDirectory();

        ArchiveFiles.Result verified = ArchiveFiles.verifier(dir);
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("VERIFIED").doesNotContain("FAILED");
        assertThat(verified.output()).contains("events/ledger-ledger-iv-7.json", "events/interview-iv-7.json");

        Path interview = dir.resolve("events/interview-iv-7.json");
        String text = Files.readString(interview);
        assertThat(text).contains("公车私用");
        Files.writeString(interview, text.replace("公车私用", "公车公用"));
        ArchiveFiles.Result tampered = ArchiveFiles.verifier(dir);
        assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("FAILED", "EVENT_TAMPERED", "event iv-7-1 ");
    }

    @Test
    void theArchiveCarriesTheCosignedNoteAndTheStatementsAndHoldsTheLogToEach() throws Exception {
        Path dir = ArchiveFiles.unzip(
                get("/api/audit/archives/ledgers/" + LEDGER + ".zip", "auditor").body(), work);
        assertThat(Files.readString(dir.resolve("checkpoint.note"))).contains("\u2014 " + WITNESS + " ");
        assertThat(Files.readString(dir.resolve("keys/witnesses.txt"))).isEqualTo(witnessKey.verifierKey() + "\n");
        assertThat(dir.resolve("statements/ledger-iv-7.json")).exists();
        assertThat(dir.resolve("keys/producers/rectification-service.pem")).exists();

        ArchiveFiles.Result verified = ArchiveFiles.verifier(dir);
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output())
                .contains("OK   NOTE_SIGNED checkpoint.note", "OK   COSIGNED " + WITNESS)
                .contains("OK   STATEMENT_SIGNED statements/ledger-iv-7.json (rectification-service")
                .contains("OK   STATEMENT_COVERED ledger-iv-7", "OK   STATEMENT_COVERED iv-7");

        // a reader who trusts another witness only: the archive's checkpoint is not witnessed for them
        Path other = Files.writeString(
                work.resolve("other.txt"), new WitnessKey(WITNESS, work.resolve("other-witness")).verifierKey() + "\n");
        ArchiveFiles.Result untrusted = ArchiveFiles.verifier(dir, "--witnesses", other.toString());
        assertThat(untrusted.exit()).as(untrusted.output()).isEqualTo(1);
        assertThat(untrusted.output()).contains("COSIGNATURE_MISSING " + WITNESS, "CHECKPOINT_NOT_WITNESSED");
    }

    @Test
    void anAuditorOfAnotherDistrictIsRefusedTheArchive() throws Exception {
        String fenghua = TestTokens.token("auditor-fenghua", Role.AUDITOR, "fenghua", null, List.of());
        HttpResponse<byte[]> refused = send("/api/audit/archives/ledgers/" + LEDGER + ".zip", fenghua);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(send("/api/audit/aggregates/" + LEDGER + "/proof", fenghua).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAsOfProofWithTheNextEventBeyondItsCheckpointVerifies() throws Exception {
        HttpResponse<byte[]> answer = get("/api/audit/aggregates/" + LEDGER + "/proof?checkpoint=5", "auditor");
        assertThat(answer.statusCode()).isEqualTo(200);
        AsOfProof proof = JSON.readValue(answer.body(), AsOfProof.class);
        String pem = new String(get("/api/audit/public-key", "auditor").body(), StandardCharsets.UTF_8);
        List<Finding> findings = AsOfVerifier.verify(proof, Keys.publicKey(pem));
        assertThat(AsOfVerifier.ok(findings)).as(findings.toString()).isTrue();
        assertThat(proof.events()).hasSize(2);
        assertThat(proof.successor().entry().entry().type()).isEqualTo("TaskVerified");
        // a later checkpoint (refusals of other tests may have grown the log further)
        assertThat(proof.successor().checkpoint().treeSize()).isGreaterThanOrEqualTo(6);
    }

    /** The root README's access table lists these paths; AccessSystemTest compares it with this document. */
    @Test
    void theOpenApiDocumentNamesBothPathsAsTheAccessTableDoes() throws Exception {
        HttpResponse<byte[]> docs = send("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        JSON.readTree(docs.body()).path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths)
                .contains("/api/audit/archives/ledgers/{ledgerId}.zip", "/api/audit/aggregates/{aggregateId}/proof");
    }

    private static CloudEvent interview(long sequence, String type, String json) {
        return event("interview-service", "Interview", INTERVIEW, sequence, type, json);
    }

    private static CloudEvent ledger(long sequence, String type, String json) {
        return event("rectification-service", "Rectification", LEDGER, sequence, type, json);
    }

    private static CloudEvent event(
            String service, String aggregateType, String aggregateId, long sequence, String type, String json) {
        return CloudEventBuilder.v1()
                .withId(aggregateId + "-" + sequence)
                .withType(type)
                .withSource(URI.create("/sanjiaodi/" + service))
                .withSubject(aggregateId)
                .withTime(OffsetDateTime.parse("2018-11-15T09:00:00Z").plusMinutes(sequence))
                .withExtension("aggregatesequence", Long.toString(sequence))
                .withExtension("aggregatetype", aggregateType)
                .withExtension("actor", "office")
                .withData("application/json", json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static void publish(CloudEvent... events) throws Exception {
        try (var producer = new KafkaProducer<String, CloudEvent>(
                Map.of("bootstrap.servers", audit.kafka().bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer())) {
            for (CloudEvent e : events) {
                String topic =
                        e.getSource().toString().contains("interview") ? "interview.events" : "rectification.events";
                producer.send(new ProducerRecord<>(topic, e.getSubject(), e)).get();
            }
        }
    }

    private static void awaitCheckpoint(long size) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> JSON.readTree(get("/api/audit/checkpoints/latest", "auditor")
                                        .body())
                                .path("treeSize")
                                .asLong()
                        == size);
    }

    private static HttpResponse<byte[]> get(String path, String user) throws Exception {
        return send(path, TestTokens.token(user));
    }

    private static HttpResponse<byte[]> send(String path, String token) throws Exception {
        URI url = URI.create(audit.url() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
