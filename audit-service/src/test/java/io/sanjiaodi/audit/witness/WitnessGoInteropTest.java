package io.sanjiaodi.audit.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import io.sanjiaodi.audit.AuditFixture;
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
import java.util.concurrent.TimeUnit;
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

    private static final Path GO = Path.of("/usr/bin/go");
    private static final Path GOPATH = Path.of("/usr/share/gocode");

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
        if (!Files.isExecutable(GO) || !Files.isDirectory(GOPATH.resolve("src/golang.org/x/mod/sumdb/note"))) {
            fail("Debian golang-go and golang-golang-x-mod-dev are not installed (.ci/run installs them)");
        }
        program = work.resolve("cosignature");
        Run build = go(
                GO.toString(),
                "build",
                "-o",
                program.toString(),
                Path.of("src/test/go/cosignature/main.go").toAbsolutePath().toString());
        assertThat(build.exit).as(build.output).isZero();

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
        Run run = open(honest.note() + cosignature);
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).startsWith("OK 2 verified signatures");
    }

    @Test
    void goRejectsAChangedCosignatureAndACheckpointWithoutOne() throws Exception {
        String line = cosignature.strip();
        byte[] sig = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
        sig[sig.length - 1] ^= 1;
        String changed = line.substring(0, line.lastIndexOf(' ') + 1)
                + Base64.getEncoder().encodeToString(sig);
        Run tampered = open(honest.note() + changed + "\n");
        assertThat(tampered.exit).as(tampered.output).isNotZero();
        assertThat(tampered.output).contains("FAIL note.Open");
        Run bare = open(honest.note());
        assertThat(bare.exit).as(bare.output).isNotZero();
        assertThat(bare.output).contains("lack the log's or the witness's");
    }

    @Test
    void theWitnessRefusesTheForkAndGoRejectsTheHonestCosignatureMovedOntoIt() throws Exception {
        Checkpoint forked = fork.checkpoints.signIfGrown().orElseThrow();
        WitnessRefusal refusal = catchThrowableOfType(
                WitnessRefusal.class,
                () -> witness.addCheckpoint(("old 4\n\n" + forked.note()).getBytes(StandardCharsets.UTF_8)));
        assertThat(refusal.code()).isEqualTo("WITNESS_FORK_SAME_SIZE");
        Run moved = open(forked.note() + cosignature);
        assertThat(moved.exit).as(moved.output).isNotZero();
        assertThat(moved.output).contains("FAIL note.Open");
    }

    private static void append(AuditFixture on, String aggregate, int n) {
        on.log.append(LongStream.range(0, n)
                .mapToObj(i -> Events.draft(aggregate + "-" + i, aggregate, i))
                .toList());
    }

    private static Run open(String note) throws Exception {
        Path file = Files.createTempFile(work, "cosigned", ".note");
        Files.writeString(file, note);
        return go(program.toString(), audit.key.noteKey().verifierKey(), witnessKey.verifierKey(), file.toString());
    }

    private record Run(int exit, String output) {}

    /** Go in GOPATH mode over Debian's sources: no module, no network. */
    private static Run go(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GO111MODULE", "off");
        builder.environment().put("GOPATH", GOPATH.toString());
        builder.environment().put("GOFLAGS", "");
        builder.environment().put("GOCACHE", work.resolve("gocache").toString());
        builder.environment().put("GOPROXY", "off");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(process.exitValue(), output);
    }
}
