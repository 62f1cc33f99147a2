package io.sanjiaodi.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.checkpoint.note.TlogCheckpoint;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.merkle.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code OfflineVerifier checkpoint --seen --proof --max-age}: a checkpoint genuinely signed but
 * replayed (older than one the reader verified), a fork of the same size, a larger one without or
 * with a wrong consistency proof, and a stale one are each refused with their code.
 */
class OfflineCheckpointFreshnessTest {

    @TempDir
    Path dir;

    AuditFixture audit;
    Checkpoint five;
    Checkpoint eight;
    Path vkey;

    @BeforeEach
    void setUp() throws Exception {
        audit = new AuditFixture(dir);
        append(0, 5);
        five = audit.checkpoints.signIfGrown().orElseThrow();
        append(5, 8);
        eight = audit.checkpoints.signIfGrown().orElseThrow();
        vkey = Files.writeString(dir.resolve("vkey.txt"), audit.key.noteKey().verifierKey() + "\n");
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    void append(long from, long to) {
        audit.log.append(LongStream.range(from, to)
                .mapToObj(i -> Events.draft("e" + i, "iv-1", i))
                .toList());
    }

    Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    Path proof(List<byte[]> hashes) throws Exception {
        String list = hashes.stream().map(h -> "\"" + Sha256.hex(h) + "\"").collect(Collectors.joining(","));
        return file("consistency.json", "{\"proof\":[" + list + "]}");
    }

    String verify(Path checkpoint, String... more) {
        List<String> args =
                new ArrayList<>(List.of("checkpoint", "--key", vkey.toString(), "--checkpoint", checkpoint.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anOlderCheckpointThanTheOneAlreadyVerifiedIsRefusedAsReplayed() throws Exception {
        String result = verify(
                file("old.note", five.note()),
                "--seen",
                file("seen.note", eight.note()).toString());
        assertThat(result)
                .startsWith("1\n")
                .contains("OK   checkpoint signature")
                .contains("FAIL CHECKPOINT_REPLAYED");
    }

    @Test
    void anotherRootOfTheSizeAlreadyVerifiedIsRefusedAsAFork() throws Exception {
        String forkText = new TlogCheckpoint(AuditFixture.ORIGIN, 8, new byte[32]).text();
        String fork = SignedNote.sign(forkText, audit.key.noteSigner()).format();
        String result = verify(
                file("fork.note", fork),
                "--seen",
                file("seen.note", eight.note()).toString());
        assertThat(result)
                .startsWith("1\n")
                .contains("OK   checkpoint signature")
                .contains("FAIL CHECKPOINT_FORK");
    }

    @Test
    void theSameCheckpointAgainPasses() throws Exception {
        assertThat(verify(
                        file("c.note", eight.note()),
                        "--seen",
                        file("seen.note", eight.note()).toString()))
                .startsWith("0\n")
                .contains("OK   the same checkpoint");
    }

    @Test
    void aLargerCheckpointNeedsTheConsistencyProofFromTheOneVerifiedBefore() throws Exception {
        Path newer = file("new.note", eight.note());
        Path seen = file("seen.note", five.note());
        assertThat(verify(newer, "--seen", seen.toString())).startsWith("1\n").contains("FAIL CHECKPOINT_UNPROVEN");
        Path good = proof(audit.log.tree().consistencyProof(5, 8));
        assertThat(verify(newer, "--seen", seen.toString(), "--proof", good.toString()))
                .startsWith("0\n")
                .contains("OK   tree 8 extends the tree 5 already verified");
        Path wrong = proof(audit.log.tree().consistencyProof(4, 8));
        assertThat(verify(newer, "--seen", seen.toString(), "--proof", wrong.toString()))
                .startsWith("1\n")
                .contains("FAIL CHECKPOINT_INCONSISTENT");
    }

    @Test
    void aCheckpointSignedLongerAgoThanTheMaximumAgeIsRefusedAsStale() throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(eight);
        Path c = file("c.json", json);
        Instant signed = Instant.ofEpochMilli(eight.timestamp());
        assertThat(verify(
                        c,
                        "--max-age",
                        "PT1H",
                        "--now",
                        signed.plusSeconds(1800).toString()))
                .startsWith("0\n")
                .contains("OK   fresh: its signing time");
        assertThat(verify(
                        c,
                        "--max-age",
                        "PT1H",
                        "--now",
                        signed.plusSeconds(7200).toString()))
                .startsWith("1\n")
                .contains("FAIL CHECKPOINT_STALE its signing time is " + signed);
    }

    @Test
    void aNoteWithoutTrustedCosignaturesHasNoAgeToJudge() throws Exception {
        assertThat(verify(file("c.note", eight.note()), "--max-age", "PT1H"))
                .startsWith("1\n")
                .contains("FAIL CHECKPOINT_AGE_UNKNOWN");
    }
}
