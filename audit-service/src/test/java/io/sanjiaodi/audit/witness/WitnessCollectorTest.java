package io.sanjiaodi.audit.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.checkpoint.note.TlogCheckpoint;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.verify.OfflineVerifier;
import io.sanjiaodi.witness.Witness;
import io.sanjiaodi.witness.WitnessKey;
import io.sanjiaodi.witness.WitnessServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The log's side of witnessing against a real witness (the witness module's server, in-process on a
 * random port, with its own key and data directory): cosignatures collected, verified and stored,
 * the checkpoint served only once cosigned; a witness that is down or refuses is reported by name.
 */
class WitnessCollectorTest {

    @TempDir
    Path keys;

    @TempDir
    Path witnessData;

    AuditFixture audit;
    WitnessServer witnessServer;
    WitnessKey witnessKey;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() throws Exception {
        audit = new AuditFixture(keys);
    }

    @AfterEach
    void tearDown() {
        if (witnessServer != null) {
            witnessServer.close();
        }
        audit.close();
    }

    /** The log's note verifier key, as an operator would hand it to a witness. */
    static String logVerifierKey(AuditFixture audit) {
        return Ed25519NoteKey.of(AuditFixture.ORIGIN, audit.key.publicKey()).verifierKey();
    }

    WitnessServer startWitness(String logVkey) throws Exception {
        witnessKey = new WitnessKey("witness.test/w1", witnessData);
        return startWitness(witnessKey, logVkey, witnessData, Clock.systemUTC());
    }

    /** The witness module's real server for the fixture's log, on a random port, with its own clock. */
    static WitnessServer startWitness(WitnessKey key, String logVkey, Path data, Clock clock) throws Exception {
        Witness witness = Witness.open(key, List.of(new Witness.LogConfig(AuditFixture.ORIGIN, logVkey)), data, clock);
        return new WitnessServer(witness, new InetSocketAddress("127.0.0.1", 0), "").start();
    }

    Parts parts(AuditFixture on, URI url, String vkey, int required) {
        return parts(on, url, vkey, required, meters, Clock.systemUTC());
    }

    /** The log's witnessing parts for one witness, with the log's clock. */
    static Parts parts(AuditFixture on, URI url, String vkey, int required, SimpleMeterRegistry meters, Clock clock) {
        WitnessProperties properties = new WitnessProperties(
                List.of(new WitnessProperties.Witness("witness.test/w1", url, vkey, null)),
                required,
                Duration.ofMinutes(10));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("checkpoints", on.checkpoints));
        WitnessCollector collector = new WitnessCollector(
                properties,
                on.mongo,
                on.log,
                beans.getBeanProvider(io.sanjiaodi.audit.checkpoint.CheckpointService.class),
                new StaticListableBeanFactory(Map.of("meters", meters))
                        .getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
                clock,
                io.sanjiaodi.audit.leader.WriterRole.ALWAYS);
        WitnessedCheckpoints witnessed = new WitnessedCheckpoints(on.mongo, on.checkpoints, properties);
        return new Parts(
                collector, witnessed, new WitnessesHealthIndicator(collector, witnessed, on.checkpoints, properties));
    }

    record Parts(WitnessCollector collector, WitnessedCheckpoints witnessed, WitnessesHealthIndicator health) {}

    void append(AuditFixture on, String aggregate, int n) {
        on.log.append(LongStream.range(0, n)
                .mapToObj(i -> Events.draft(aggregate + "-" + i, aggregate, i))
                .toList());
    }

    URI witnessUrl() {
        return URI.create("http://127.0.0.1:" + witnessServer.port());
    }

    @Test
    void theCheckpointIsServedOnlyAfterTheWitnessCosignedItAndTheCosignatureVerifies() throws Exception {
        witnessServer = startWitness(logVerifierKey(audit));
        Parts parts = parts(audit, witnessUrl(), witnessKey.verifierKey(), 1);
        append(audit, "a", 3);
        Checkpoint signed = audit.checkpoints.signIfGrown().orElseThrow();
        assertThat(parts.witnessed().newest()).as("signed, not yet witnessed").isEmpty();

        parts.collector().round();

        WitnessedCheckpoints.Witnessed served = parts.witnessed().newest().orElseThrow();
        assertThat(served.checkpoint().treeSize()).isEqualTo(3);
        assertThat(served.cosignatures()).extracting(StoredCosignature::witness).containsExactly("witness.test/w1");
        String line = served.cosignatures().get(0).line();
        assertThat(served.note()).isEqualTo(signed.note() + line + "\n");
        assertThat(CosignerKey.parse(witnessKey.verifierKey()).verify(line, WitnessCollector.noteText(signed.note())))
                .isPositive();
        assertThat(parts.health().health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(meters.counter("audit.witness.cosignatures", "witness", "witness.test/w1")
                        .count())
                .isEqualTo(1.0);

        append(audit, "b", 2);
        audit.checkpoints.signIfGrown().orElseThrow();
        assertThat(parts.witnessed().newest().orElseThrow().checkpoint().treeSize())
                .as("the older cosigned one until the new one is cosigned")
                .isEqualTo(3);
        parts.collector().round(); // old size 3 and a consistency proof to 5
        assertThat(parts.witnessed().newest().orElseThrow().checkpoint().treeSize())
                .isEqualTo(5);
    }

    @Test
    void aWitnessThatIsDownDoesNotStopAppendsOrSigningAndIsReportedByName() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        WitnessKey key = new WitnessKey("witness.test/w1", witnessData);
        Parts parts = parts(audit, URI.create("http://127.0.0.1:" + closedPort), key.verifierKey(), 1);
        append(audit, "a", 3);
        audit.checkpoints.signIfGrown().orElseThrow();
        parts.collector().round();
        append(audit, "b", 2);
        assertThat(audit.checkpoints.signIfGrown()).as("signing goes on").isPresent();
        assertThat(audit.log.tree().size()).isEqualTo(5);

        assertThat(parts.witnessed().newest()).isEmpty();
        Health health = parts.health().health(true);
        assertThat(health.getStatus()).isEqualTo(new Status("WARNING"));
        @SuppressWarnings("unchecked")
        Map<String, Object> w1 = (Map<String, Object>)
                ((Map<String, Object>) health.getDetails().get("witnesses")).get("witness.test/w1");
        assertThat(w1).containsEntry("state", "UNREACHABLE").containsEntry("checkpointSize", 3L);
        assertThat(meters.counter("audit.witness.failures", "witness", "witness.test/w1", "state", "UNREACHABLE")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aSplitViewIsRefusedByTheWitnessAndReportedByTheLogWithTheSizes() throws Exception {
        witnessServer = startWitness(logVerifierKey(audit));
        // a second face of the same log: same key and origin, same first entries, then others
        try (AuditFixture other = new AuditFixture(keys)) {
            append(audit, "a", 3);
            append(other, "a", 3);
            append(audit, "b", 2);
            append(other, "c", 3);
            Parts honest = parts(audit, witnessUrl(), witnessKey.verifierKey(), 1);
            Parts forked = parts(other, witnessUrl(), witnessKey.verifierKey(), 1);
            audit.checkpoints.signIfGrown().orElseThrow();
            other.checkpoints.signIfGrown().orElseThrow();

            honest.collector().round();
            forked.collector().round(); // 409 (the witness holds 5), then the proof 5 -> 6 of another tree

            assertThat(honest.witnessed().newest().orElseThrow().checkpoint().treeSize())
                    .isEqualTo(5);
            assertThat(forked.witnessed().newest()).isEmpty();
            WitnessStatus refused = forked.collector().status("witness.test/w1");
            assertThat(refused.state()).isEqualTo("REFUSED");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.detail()).startsWith("WITNESS_BAD_CONSISTENCY_PROOF");
            assertThat(refused.checkpointSize()).isEqualTo(6);
            assertThat(refused.witnessSize()).isEqualTo(5);
            Health health = forked.health().health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("witnesses").toString())
                    .contains("witness.test/w1", "REFUSED", "checkpointSize=6", "witnessSize=5");
            String state = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(URI.create(witnessUrl() + "/state"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(state).contains("\"size\":5", "WITNESS_BAD_CONSISTENCY_PROOF");
        }
    }

    @Test
    void aCosignatureThatDoesNotVerifyWithTheConfiguredKeyIsNotStored() throws Exception {
        witnessServer = startWitness(logVerifierKey(audit));
        WitnessKey impostor = new WitnessKey("witness.test/w1", Files.createTempDirectory(keys, "other"));
        Parts parts = parts(audit, witnessUrl(), impostor.verifierKey(), 1);
        append(audit, "a", 3);
        audit.checkpoints.signIfGrown().orElseThrow();
        parts.collector().round();
        assertThat(parts.witnessed().newest()).isEmpty();
        assertThat(parts.witnessed().cosignatures(3)).isEmpty();
        assertThat(parts.collector().status("witness.test/w1").state()).isEqualTo("BAD_COSIGNATURE");
    }

    @Test
    void withNoWitnessRequiredTheLatestCheckpointIsServed() {
        Parts parts = parts(audit, URI.create("http://127.0.0.1:1"), dummyVkey(), 0);
        append(audit, "a", 2);
        audit.checkpoints.signIfGrown().orElseThrow();
        assertThat(parts.witnessed().newest().orElseThrow().checkpoint().treeSize())
                .isEqualTo(2);
    }

    private String dummyVkey() {
        try {
            return new WitnessKey("witness.test/w1", witnessData).verifierKey();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The reader's side: the offline verifier, given the witness's key, holds the log to its cosignature. */
    @Test
    void theOfflineVerifierAcceptsOnlyTheWitnessesCosignatureAndRejectsOneMovedOntoAFork() throws Exception {
        witnessServer = startWitness(logVerifierKey(audit));
        Parts parts = parts(audit, witnessUrl(), witnessKey.verifierKey(), 1);
        append(audit, "a", 3);
        Checkpoint signed = audit.checkpoints.signIfGrown().orElseThrow();
        parts.collector().round();
        String cosigned = parts.witnessed().newest().orElseThrow().note();
        Path dir = Files.createTempDirectory(witnessData, "offline");
        Path logKey = Files.writeString(dir.resolve("log.vkey"), logVerifierKey(audit));
        Path trusted = Files.writeString(dir.resolve("witnesses.txt"), witnessKey.verifierKey() + "\n");

        assertThat(offline(dir, "cosigned.note", cosigned, logKey, trusted))
                .startsWith("0\n")
                .contains("OK   cosigned by witness witness.test/w1");
        assertThat(offline(dir, "signed.note", signed.note(), logKey, trusted))
                .as("signed by the log alone")
                .startsWith("1\n")
                .contains("FAIL no valid cosignature of witness witness.test/w1");
        // a split view: the log signs another root for the same size and copies the witness's line onto it
        String cosignature = cosigned.substring(signed.note().length());
        String forkText = new TlogCheckpoint(AuditFixture.ORIGIN, 3, new byte[32]).text();
        String fork = SignedNote.sign(forkText, audit.key.noteSigner()).format() + cosignature;
        assertThat(offline(dir, "fork.note", fork, logKey, trusted))
                .startsWith("1\n")
                .contains("OK   checkpoint signature")
                .contains("FAIL no valid cosignature of witness witness.test/w1");
    }

    private static String offline(Path dir, String name, String note, Path logKey, Path witnesses) throws Exception {
        Path file = Files.writeString(dir.resolve(name), note);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = OfflineVerifier.run(
                new String[] {
                    "checkpoint",
                    "--key",
                    logKey.toString(),
                    "--checkpoint",
                    file.toString(),
                    "--witnesses",
                    witnesses.toString()
                },
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        return code + "\n" + out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
