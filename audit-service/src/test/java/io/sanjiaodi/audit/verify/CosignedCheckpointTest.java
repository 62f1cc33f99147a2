package io.sanjiaodi.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.checkpoint.note.TlogCheckpoint;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.proof.AsOfProofService;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.query.history.HistoryService;
import io.sanjiaodi.audit.verify.asof.ArchiveVerifier;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import io.sanjiaodi.witness.Witness;
import io.sanjiaodi.witness.WitnessKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint cosigned by a real witness (the witness module, called directly, its clock fixed):
 * the offline verifier dates it by the cosignature for {@code --max-age} and requires the trusted
 * witnesses' lines; the archive's verifier checks the note, its tree and its cosignatures.
 */
class CosignedCheckpointTest {

    static final Instant COSIGNED_AT = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path dir;

    AuditFixture audit;
    WitnessKey witnessKey;
    Checkpoint checkpoint;
    String cosigned;
    Path logKey;
    Path trusted;

    @BeforeEach
    void setUp() throws Exception {
        audit = new AuditFixture(dir);
        audit.log.append(LongStream.range(0, 4)
                .mapToObj(i -> Events.draft("e" + i, "iv-1", i))
                .toList());
        checkpoint = audit.checkpoints.signIfGrown().orElseThrow();
        String vkey = audit.key.noteKey().verifierKey();
        witnessKey = new WitnessKey("witness.test/w1", dir.resolve("witness"));
        Witness witness = Witness.open(
                witnessKey,
                List.of(new Witness.LogConfig(AuditFixture.ORIGIN, vkey)),
                dir.resolve("witness"),
                Clock.fixed(COSIGNED_AT, ZoneOffset.UTC));
        String line = witness.addCheckpoint(("old 0\n\n" + checkpoint.note()).getBytes(StandardCharsets.UTF_8));
        cosigned = checkpoint.note() + line;
        logKey = Files.writeString(dir.resolve("log.vkey"), vkey + "\n");
        trusted = Files.writeString(dir.resolve("trusted.txt"), "# ours\n\n" + witnessKey.verifierKey() + "\n");
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    static String run(boolean archive, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = archive ? ArchiveVerifier.run(args, print) : OfflineVerifier.run(args, print);
        return code + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    String offline(String note, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "checkpoint",
                "--key",
                logKey.toString(),
                "--checkpoint",
                Files.writeString(dir.resolve("c.note"), note).toString()));
        args.addAll(List.of(more));
        return run(false, args.toArray(String[]::new));
    }

    /** The cosigned note checked with the trusted witness and a maximum age of an hour, as of {@code now}. */
    String aged(String now) throws Exception {
        return offline(cosigned, "--witnesses", trusted.toString(), "--max-age", "PT1H", "--now", now);
    }

    @Test
    void theTrustedWitnessesCosignatureDatesTheCheckpointForTheMaximumAge() throws Exception {
        assertThat(aged("2026-12-02T09:00:00Z"))
                .startsWith("0\n")
                .contains("OK   cosigned by witness witness.test/w1 at " + COSIGNED_AT)
                .contains("OK   fresh: its freshest trusted cosignature is " + COSIGNED_AT + ", within PT1H");
        assertThat(aged("2026-12-02T09:00:01Z"))
                .startsWith("1\n")
                .contains("FAIL CHECKPOINT_STALE its freshest trusted cosignature is " + COSIGNED_AT + ", 3601 s");
    }

    @Test
    void aNoteWithoutTheTrustedWitnessesLineFailsAndHasNoAge() throws Exception {
        assertThat(offline(checkpoint.note(), "--witnesses", trusted.toString(), "--max-age", "PT1H"))
                .startsWith("1\n")
                .contains("FAIL no valid cosignature of witness witness.test/w1")
                .contains("FAIL CHECKPOINT_AGE_UNKNOWN");
    }

    /** A minimal archive: the checkpoint, its note and keys, no proofs. */
    Path archive(String note, String witnessKeys, int required) throws Exception {
        Path root = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(root.resolve("key.pem"), audit.key.publicKeyPem());
        Files.writeString(root.resolve("log.vkey"), audit.key.noteKey().verifierKey() + "\n");
        Files.writeString(root.resolve("witnesses.txt"), witnessKeys);
        Files.writeString(root.resolve("checkpoint.note"), note);
        SignedLog.JSON.writeValue(root.resolve("checkpoint.json").toFile(), checkpoint);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", ArchiveVerifier.FORMAT);
        manifest.put("checkpoint", "checkpoint.json");
        manifest.put("publicKey", "key.pem");
        manifest.put("note", "checkpoint.note");
        manifest.put("verifierKey", "log.vkey");
        manifest.put("witnessKeys", "witnesses.txt");
        manifest.put("witnessesRequired", required);
        manifest.put("proofs", List.of());
        manifest.put("statements", List.of());
        SignedLog.JSON.writeValue(root.resolve("manifest.json").toFile(), manifest);
        return root;
    }

    @Test
    void anArchiveWithTheCosignedNoteVerifiesAndSaysWhoseWitnessKeysItUsed() throws Exception {
        Path root = archive(cosigned, witnessKey.verifierKey() + "\n", 1);
        assertThat(run(true, root.toString()))
                .startsWith("0\n")
                .contains("OK   NOTE_SIGNED checkpoint.note: signed by the log's note key " + AuditFixture.ORIGIN)
                .contains("OK   COSIGNED witness.test/w1: cosigned at " + COSIGNED_AT)
                .contains("OK   WITNESS_KEYS keys/witnesses.txt: NOTE witness keys as the archive names them")
                .doesNotContain("FAIL");
        assertThat(run(true, "--witnesses", trusted.toString(), root.toString()))
                .as("the reader's own keys, given before the path")
                .startsWith("0\n")
                .doesNotContain("WITNESS_KEYS");
    }

    @Test
    void anArchiveNeedsAsManyCosignaturesAsItsManifestRequires() throws Exception {
        WitnessKey second = new WitnessKey("witness.test/w2", dir.resolve("second"));
        Path root = archive(cosigned, witnessKey.verifierKey() + "\n" + second.verifierKey() + "\n", 2);
        assertThat(run(true, root.toString()))
                .startsWith("1\n")
                .contains("OK   COSIGNED witness.test/w1")
                .contains("FAIL COSIGNATURE_MISSING witness.test/w2")
                .contains("FAIL CHECKPOINT_NOT_WITNESSED checkpoint.note: 1 valid cosignature(s), 2 required")
                .contains("FAILED 2 of");
    }

    @Test
    void aForkedNoteWithTheCosignatureCopiedOntoItIsNamed() throws Exception {
        String forkText = new TlogCheckpoint(AuditFixture.ORIGIN, 4, new byte[32]).text();
        String fork = SignedNote.sign(forkText, audit.key.noteSigner()).format()
                + cosigned.substring(checkpoint.note().length());
        assertThat(run(true, archive(fork, witnessKey.verifierKey() + "\n", 1).toString()))
                .startsWith("1\n")
                .contains("OK   NOTE_SIGNED")
                .contains("FAIL NOTE_DIFFERS checkpoint.note: names another tree than checkpoint.json")
                .contains("FAIL COSIGNATURE_MISSING witness.test/w1")
                .contains("FAIL CHECKPOINT_NOT_WITNESSED");
    }

    @Test
    void aNoteSignedByAnotherKeyThanTheLogsFails() throws Exception {
        try (AuditFixture other = new AuditFixture(Files.createDirectories(dir.resolve("other")))) {
            String text = SignedNote.parse(checkpoint.note()).text();
            String forged = SignedNote.sign(text, other.key.noteSigner()).format();
            assertThat(run(true, archive(forged, "", 0).toString()))
                    .startsWith("1\n")
                    .contains("FAIL NOTE_SIGNATURE checkpoint.note: the log's note signature does not verify");
        }
    }

    /**
     * A quiet log is not re-signed, but its witness cosigns the same checkpoint again: a statement
     * made after the checkpoint's signing yet the grace before a later cosignature is due, and the
     * archive holds the log to it (covered, or the withheld events named); without the cosignature
     * it is not due.
     */
    @Test
    void aStatementIsDueByTheFreshestCosignatureWhenTheQuietLogWasNotReSigned() throws Exception {
        Instant signedAt = Instant.ofEpochMilli(checkpoint.timestamp());
        Witness later = Witness.open(
                witnessKey,
                List.of(new Witness.LogConfig(
                        AuditFixture.ORIGIN, audit.key.noteKey().verifierKey())),
                dir.resolve("witness-later"),
                Clock.fixed(signedAt.plusSeconds(3600), ZoneOffset.UTC));
        String refreshed = checkpoint.note()
                + later.addCheckpoint(("old 0\n\n" + checkpoint.note()).getBytes(StandardCharsets.UTF_8));
        KeyPair producer = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        long statedAt = signedAt.plusSeconds(1800).toEpochMilli();

        Path root = archiveWithStatement(refreshed, 1, statement(3, statedAt, producer), producer);
        assertThat(run(true, root.toString())).startsWith("0\n").contains("OK   STATEMENT_COVERED iv-1");
        root = archiveWithStatement(refreshed, 1, statement(5, statedAt, producer), producer);
        assertThat(run(true, root.toString())).startsWith("1\n").contains("FAIL STATEMENT_EVENTS_MISSING iv-1");
        root = archiveWithStatement(checkpoint.note(), 0, statement(3, statedAt, producer), producer);
        assertThat(run(true, root.toString())).startsWith("1\n").contains("FAIL STATEMENT_NOT_DUE");
    }

    private static ProducerStatement statement(long head, long time, KeyPair key) {
        return new ProducerStatement(
                        "interview-service",
                        4,
                        "00".repeat(32),
                        time,
                        List.of(new ProducerStatement.Head("iv-1", head)),
                        null,
                        null)
                .signed(key.getPrivate(), key.getPublic());
    }

    private Path archiveWithStatement(String note, int required, ProducerStatement statement, KeyPair producer)
            throws Exception {
        Path root = archive(note, witnessKey.verifierKey() + "\n", required);
        AsOfProof proof = new AsOfProofService(
                        audit.mongo, audit.log, audit.checkpoints, new HistoryService(audit.mongo))
                .prove("iv-1", null, ReaderScope.everything());
        new com.fasterxml.jackson.databind.ObjectMapper()
                .findAndRegisterModules() // the summary's times, written as the service writes them
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValue(root.resolve("iv-1.json").toFile(), proof);
        SignedLog.JSON.writeValue(
                root.resolve("statement.json").toFile(), Map.of("aggregateId", "iv-1", "statement", statement));
        Files.writeString(
                root.resolve("producer.pem"),
                Keys.pem("PUBLIC KEY", producer.getPublic().getEncoded()));
        Map<String, Object> manifest =
                SignedLog.JSON.readValue(root.resolve("manifest.json").toFile(), LinkedHashMap.class);
        manifest.put("proofs", List.of("iv-1.json"));
        manifest.put("statements", List.of("statement.json"));
        manifest.put("producerKeys", Map.of("interview-service", "producer.pem"));
        manifest.put("statementGraceMillis", 1_000);
        SignedLog.JSON.writeValue(root.resolve("manifest.json").toFile(), manifest);
        return root;
    }
}
