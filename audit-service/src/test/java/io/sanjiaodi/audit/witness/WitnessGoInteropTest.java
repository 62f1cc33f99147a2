package io.sanjiaodi.audit.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.DebianGo;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.witness.Witness;
import io.sanjiaodi.witness.WitnessKey;
import io.sanjiaodi.witness.WitnessRefusal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go's own golang.org/x/mod/sumdb/note (Debian's, GOPATH mode, offline) opens a checkpoint cosigned
 * by our witness with the log's and the witness's keys (src/test/go/cosignature/main.go; x/mod has
 * no cosignature/v1 verifier, so that one verifier is written there from the spec), and rejects a
 * changed cosignature, a checkpoint without one, and a cosignature moved onto a fork.
 */
class WitnessGoInteropTest {

    @TempDir
    static Path work;

    private static AuditFixture audit;
    private static AuditFixture fork;
    private static Path program;
    private static Witness witness;
    private static WitnessKey witnessKey;
    private static Checkpoint honest;
    private static String cosignature;

    @BeforeAll
    static void cosignACheckpoint() throws Exception {
        program = DebianGo.build("cosignature", "sumdb/note", work);

        Path keys = Files.createDirectory(work.resolve("keys"));
        audit = new AuditFixture(keys);
        fork = new AuditFixture(keys); // the same key and origin: a second face of the log
        append(audit, "a", 4);
        append(fork, "b", 4);
        honest = audit.checkpoints.signIfGrown().orElseThrow();
        witnessKey = new WitnessKey("witness.test/w1", work.resolve("witness"));
        witness = Witness.open(
                witnessKey,
                List.of(new Witness.LogConfig(
                        AuditFixture.ORIGIN, audit.key.noteKey().verifierKey())),
                work.resolve("witness"),
                Clock.systemUTC());
        cosignature = witness.addCheckpoint(("old 0\n\n" + honest.note()).getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void close() {
        audit.close();
        fork.close();
    }

    @Test
    void goOpensTheCosignedCheckpointWithTheLogsAndTheWitnesssKeys() throws Exception {
        DebianGo.Run run = open(honest.note() + cosignature);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("OK 2 verified signatures");
    }

    @Test
    void goRejectsAChangedCosignatureAndACheckpointWithoutOne() throws Exception {
        String line = cosignature.strip();
        byte[] sig = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
        sig[sig.length - 1] ^= 1;
        String changed = line.substring(0, line.lastIndexOf(' ') + 1)
                + Base64.getEncoder().encodeToString(sig);
        DebianGo.Run tampered = open(honest.note() + changed + "\n");
        assertThat(tampered.exit()).as(tampered.output()).isNotZero();
        assertThat(tampered.output()).contains("FAIL note.Open");
        DebianGo.Run bare = open(honest.note());
        assertThat(bare.exit()).as(bare.output()).isNotZero();
        assertThat(bare.output()).contains("lack the log's or the witness's");
    }

    @Test
    void theWitnessRefusesTheForkAndGoRejectsTheHonestCosignatureMovedOntoIt() throws Exception {
        Checkpoint forked = fork.checkpoints.signIfGrown().orElseThrow();
        WitnessRefusal refusal = catchThrowableOfType(
                WitnessRefusal.class,
                () -> witness.addCheckpoint(("old 4\n\n" + forked.note()).getBytes(StandardCharsets.UTF_8)));
        assertThat(refusal.code()).isEqualTo("WITNESS_FORK_SAME_SIZE");
        DebianGo.Run moved = open(forked.note() + cosignature);
        assertThat(moved.exit()).as(moved.output()).isNotZero();
        assertThat(moved.output()).contains("FAIL note.Open");
    }

    private static void append(AuditFixture on, String aggregate, int n) {
        on.log.append(LongStream.range(0, n)
                .mapToObj(i -> Events.draft(aggregate + "-" + i, aggregate, i))
                .toList());
    }

    private static DebianGo.Run open(String note) throws Exception {
        Path file = Files.createTempFile(work, "cosigned", ".note");
        Files.writeString(file, note);
        return DebianGo.run(
                work,
                List.of(
                        program.toString(),
                        audit.key.noteKey().verifierKey(),
                        witnessKey.verifierKey(),
                        file.toString()));
    }
}
