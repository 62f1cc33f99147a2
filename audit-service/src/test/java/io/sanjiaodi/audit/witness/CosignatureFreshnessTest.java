package io.sanjiaodi.audit.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.verify.OfflineVerifier;
import io.sanjiaodi.platform.testing.MovableClock;
import io.sanjiaodi.witness.WitnessKey;
import io.sanjiaodi.witness.WitnessServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/**
 * The log's side against replayed and stale cosignatures, with the log's and the witness's clocks
 * set apart: a quiet log's checkpoint is cosigned again once its cosignature is older than
 * {@code audit.cosignature-refresh}; an answer older than the stored cosignature (a replay) or older
 * than that period on arrival (stale) is refused by name, and what is served stays what it was.
 */
class CosignatureFreshnessTest {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path keys;

    @TempDir
    Path witnessData;

    AuditFixture audit;
    WitnessServer witnessServer;
    final MovableClock logClock = new MovableClock(NOW);
    final MovableClock witnessClock = new MovableClock(NOW);
    WitnessCollectorTest.Parts parts;
    WitnessKey witnessKey;

    @BeforeEach
    void setUp() throws Exception {
        audit = new AuditFixture(keys);
        WitnessKey key = new WitnessKey("witness.test/w1", witnessData);
        witnessKey = key;
        witnessServer = WitnessCollectorTest.startWitness(
                key, WitnessCollectorTest.logVerifierKey(audit), witnessData, witnessClock);
        parts = WitnessCollectorTest.parts(
                audit,
                URI.create("http://127.0.0.1:" + witnessServer.port()),
                key.verifierKey(),
                1,
                new SimpleMeterRegistry(),
                logClock);
        audit.log.append(LongStream.range(0, 3)
                .mapToObj(i -> Events.draft("a-" + i, "a", i))
                .toList());
        audit.checkpoints.signIfGrown().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        witnessServer.close();
        audit.close();
    }

    long servedTime() {
        return parts.witnessed().newest().orElseThrow().cosignatures().get(0).time();
    }

    @Test
    void aQuietLogsCheckpointIsCosignedAgainOnceTheCosignatureIsOlderThanTheRefreshPeriod() {
        parts.collector().round();
        assertThat(servedTime()).isEqualTo(NOW.getEpochSecond());

        logClock.advance(Duration.ofMinutes(9));
        witnessClock.advance(Duration.ofMinutes(9));
        parts.collector().round();
        assertThat(servedTime()).as("still fresh: not asked again").isEqualTo(NOW.getEpochSecond());

        logClock.advance(Duration.ofMinutes(2));
        witnessClock.advance(Duration.ofMinutes(2));
        parts.collector().round();
        assertThat(servedTime()).isEqualTo(NOW.plus(Duration.ofMinutes(11)).getEpochSecond());
        assertThat(parts.witnessed().cosignatures(3))
                .as("the newest per witness")
                .hasSize(1);
        assertThat(audit.mongo.findAll(StoredCosignature.class))
                .as("insert-only: the first word is kept beside the refresh")
                .extracting(StoredCosignature::time)
                .containsExactlyInAnyOrder(
                        NOW.getEpochSecond(), NOW.plus(Duration.ofMinutes(11)).getEpochSecond());
        assertThat(parts.collector().status("witness.test/w1").state()).isEqualTo("OK");
    }

    @Test
    void aCosignatureOlderThanTheStoredOneIsRefusedAsReplayedAndTheStoredOneStaysServed() {
        parts.collector().round();
        logClock.advance(Duration.ofMinutes(11));
        witnessClock.advance(Duration.ofMinutes(-1)); // what a replaying proxy would hand back: an older answer

        parts.collector().round();

        WitnessStatus status = parts.collector().status("witness.test/w1");
        assertThat(status.state()).isEqualTo("REPLAYED");
        assertThat(status.detail()).startsWith("COSIGNATURE_REPLAYED");
        assertThat(servedTime()).isEqualTo(NOW.getEpochSecond());
        assertThat(parts.health().health(true).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aCosignatureWhoseTimeLiesMoreThanTheRefreshPeriodInThePastIsRefusedAsStale() {
        witnessClock.advance(Duration.ofMinutes(-30));

        parts.collector().round();

        WitnessStatus status = parts.collector().status("witness.test/w1");
        assertThat(status.state()).isEqualTo("STALE");
        assertThat(status.detail()).startsWith("COSIGNATURE_STALE");
        assertThat(parts.witnessed().newest())
                .as("nothing served on a stale word")
                .isEmpty();
        assertThat(parts.witnessed().cosignatures(3)).isEmpty();
        assertThat(parts.health().health(true).getDetails().get("witnesses").toString())
                .contains("STALE");
        assertThat(parts.health().health(true).getStatus()).isEqualTo(Status.DOWN);
    }

    /** The reader's side: the served note's cosignature dates it, so a stale one fails --max-age. */
    @Test
    void theOfflineVerifierJudgesTheServedCheckpointsAgeByItsFreshestTrustedCosignature() throws Exception {
        parts.collector().round();
        String note = parts.witnessed().newest().orElseThrow().note();
        Path noteFile = Files.writeString(witnessData.resolve("served.note"), note);
        Path logKey = Files.writeString(witnessData.resolve("log.vkey"), WitnessCollectorTest.logVerifierKey(audit));
        Path trusted = Files.writeString(witnessData.resolve("trusted.txt"), witnessKey.verifierKey() + "\n");
        String[] args = {
            "checkpoint",
            "--key",
            logKey.toString(),
            "--checkpoint",
            noteFile.toString(),
            "--witnesses",
            trusted.toString(),
            "--max-age",
            "PT1H",
            "--now",
            ""
        };
        args[args.length - 1] = NOW.plus(Duration.ofMinutes(30)).toString();
        assertThat(offline(args)).startsWith("0\n").contains("OK   fresh: its freshest trusted cosignature");
        args[args.length - 1] = NOW.plus(Duration.ofHours(2)).toString();
        assertThat(offline(args)).startsWith("1\n").contains("FAIL CHECKPOINT_STALE its freshest trusted cosignature");
    }

    private static String offline(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + "\n" + out.toString(StandardCharsets.UTF_8);
    }
}
