package io.sanjiaodi.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.verify.asof.ArchiveVerifier;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import io.sanjiaodi.audit.verify.asof.AsOfProof.ProvenEntry;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's verifier in-process over an archive laid out by hand from {@link SignedLog}. */
class ArchiveVerifierTest {

    private final SignedLog log = new SignedLog();

    @TempDir
    Path dir;

    @Test
    void anArchiveDirectoryAndTheSameArchiveZippedVerify() throws Exception {
        write(proof(), ArchiveVerifier.FORMAT);
        assertThat(run(dir.toString()))
                .startsWith("0")
                .contains(
                        "archive sanjiaodi-ledger-archive/v1 of ledger ledger-iv-1 (interview iv-1)",
                        "OK   CHECKPOINT_SIGNED checkpoint 6",
                        "OK   INCLUDED iv-1.json event e4",
                        "VERIFIED",
                        "OK   NOTE_MISSING manifest.json: NOTE",
                        "OK   STATEMENT_NONE iv-1: NOTE")
                .doesNotContain("FAIL");
        Path zip = dir.resolveSibling(dir.getFileName() + ".zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : List.of("manifest.json", "checkpoint.json", "key.pem", "iv-1.json")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(Files.readAllBytes(dir.resolve(name)));
                out.closeEntry();
            }
        }
        assertThat(run(zip.toString())).startsWith("0").contains("VERIFIED");
        Files.writeString(dir.resolve("iv-1.json"), "{not json");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : List.of("manifest.json", "checkpoint.json", "key.pem", "iv-1.json")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(Files.readAllBytes(dir.resolve(name)));
                out.closeEntry();
            }
        }
        assertThat(run(zip.toString())).startsWith("1").contains("FAIL FILE_UNREADABLE iv-1.json");
    }

    @Test
    void aChangedEventFailsNamingFileAndEvent() throws Exception {
        write(proof(), ArchiveVerifier.FORMAT);
        Path file = dir.resolve("iv-1.json");
        Files.writeString(file, Files.readString(file).replace("问题2", "问题9"));
        assertThat(run(dir.toString())).startsWith("1").contains("FAILED", "EVENT_TAMPERED iv-1.json event e2 ");
    }

    @Test
    void aProofAgainstAnotherCheckpointAnUnreadableProofAndAnUnknownFormatFail() throws Exception {
        AsOfProof honest = proof();
        write(
                new AsOfProof("iv-1", log.checkpoint, List.of(), null, log.checkpoint, List.of(), null),
                ArchiveVerifier.FORMAT);
        assertThat(run(dir.toString())).startsWith("1").contains("CHECKPOINT_DIFFERS iv-1.json");
        Files.writeString(dir.resolve("iv-1.json"), "{not json");
        assertThat(run(dir.toString())).startsWith("1").contains("FILE_UNREADABLE iv-1.json");
        write(honest, "another/v9");
        assertThat(run(dir.toString())).startsWith("1").contains("ARCHIVE_FORMAT manifest.json");
    }

    @Test
    void aReaderWhoTrustsWitnessesRefusesAnArchiveWithoutACosignedNote() throws Exception {
        write(proof(), ArchiveVerifier.FORMAT);
        Path trusted = Files.writeString(dir.resolveSibling("trusted.txt"), "");
        assertThat(run(dir.toString(), "--witnesses", trusted.toString()))
                .startsWith("1")
                .contains("FAIL NOTE_MISSING manifest.json");
    }

    @Test
    void aStatementOfTheLastEventTheArchiveHoldsIsCovered() throws Exception {
        write(proof(), ArchiveVerifier.FORMAT);
        state(statement(2, STATED_AT), producer.getPrivate());
        assertThat(run(dir.toString()))
                .startsWith("0")
                .contains("OK   STATEMENT_SIGNED statements/iv-1.json (interview-service, size 7)")
                .contains("OK   STATEMENT_COVERED iv-1: the checkpoint holds sequence 2");
    }

    @Test
    void aStatementOfALaterEventThanTheArchiveHoldsNamesTheWithheldEvents() throws Exception {
        write(proof(), ArchiveVerifier.FORMAT);
        state(statement(4, STATED_AT), producer.getPrivate());
        assertThat(run(dir.toString()))
                .startsWith("1")
                .contains("FAIL STATEMENT_EVENTS_MISSING iv-1: producer interview-service had published up to"
                        + " sequence 4 when it signed, but the checkpoint holds only up to 2: the log withheld 2")
                .contains("FAILED 1 of", "\n  STATEMENT_EVENTS_MISSING iv-1: producer interview-service");
    }

    @Test
    void aStatementMadeExactlyTheGraceBeforeTheCheckpointIsDue() throws Exception {
        write(proof(), ArchiveVerifier.FORMAT);
        state(statement(2, log.oldCheckpoint.timestamp() - GRACE), producer.getPrivate());
        assertThat(run(dir.toString())).startsWith("0").contains("OK   STATEMENT_COVERED iv-1");
    }

    @Test
    void aStatementThatDoesNotNameTheAggregateIsUnrelated() throws Exception {
        write(proof(), ArchiveVerifier.FORMAT);
        ProducerStatement other = new ProducerStatement(
                "interview-service",
                7,
                "00".repeat(32),
                STATED_AT,
                List.of(new ProducerStatement.Head("iv-2", 5)),
                null,
                null);
        state(other, producer.getPrivate());
        assertThat(run(dir.toString())).startsWith("1").contains("FAIL STATEMENT_UNRELATED statements/iv-1.json");
    }

    @Test
    void aStatementNotSignedByTheProducersKeyOrMadeTooCloseToTheCheckpointFails() throws Exception {
        write(proof(), ArchiveVerifier.FORMAT);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        state(statement(2, STATED_AT), other.getPrivate());
        assertThat(run(dir.toString())).startsWith("1").contains("FAIL STATEMENT_FORGED statements/iv-1.json");
        state(statement(2, log.oldCheckpoint.timestamp() - 500), producer.getPrivate());
        assertThat(run(dir.toString())).startsWith("1").contains("FAIL STATEMENT_NOT_DUE statements/iv-1.json");
    }

    @Test
    void aMissingArchiveIsAnInputErrorNotAVerdict() {
        assertThat(run(dir.resolve("nothing-here").toString())).startsWith("2").contains("ERROR");
    }

    /** No argument: the directory of the verifier's own code (here the compiled classes, which hold no archive). */
    @Test
    void withoutAnArgumentTheVerifierReadsTheDirectoryItSitsIn() {
        assertThat(run()).startsWith("2").contains("classes" + java.io.File.separator + "manifest.json");
    }

    private static final long GRACE = 1_000;
    private static final long STATED_AT = 1542272400000L - 5_000; // 5 s before the archive's checkpoint
    private final KeyPair producer = generate();
    private final Map<String, Object> manifest = new LinkedHashMap<>();

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProducerStatement statement(long headSequence, long time) {
        return new ProducerStatement(
                "interview-service",
                7,
                "00".repeat(32),
                time,
                List.of(new ProducerStatement.Head("iv-2", 5), new ProducerStatement.Head("iv-1", headSequence)),
                null,
                null);
    }

    /** The statement signed with {@code key} in the archive, the producer's own key beside it. */
    private void state(ProducerStatement statement, PrivateKey key) throws Exception {
        Files.createDirectories(dir.resolve("statements"));
        SignedLog.JSON.writeValue(
                dir.resolve("statements/iv-1.json").toFile(),
                Map.of("aggregateId", "iv-1", "statement", statement.signed(key, producer.getPublic())));
        Files.writeString(
                dir.resolve("producer.pem"),
                Keys.pem("PUBLIC KEY", producer.getPublic().getEncoded()));
        manifest.put("statements", List.of("statements/iv-1.json"));
        manifest.put("producerKeys", Map.of("interview-service", "producer.pem"));
        manifest.put("statementGraceMillis", GRACE);
        SignedLog.JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    private AsOfProof proof() {
        List<ProvenEntry> events = List.of(entry(0), entry(2), entry(4));
        return new AsOfProof("iv-1", log.oldCheckpoint, events, null, log.checkpoint, consistency(), null);
    }

    private List<String> consistency() {
        return log.tree.consistencyProof(6, 12).stream().map(Sha256::hex).toList();
    }

    private ProvenEntry entry(int index) {
        return new ProvenEntry(
                log.exported(index),
                log.tree.inclusionProof(index, 6).stream().map(Sha256::hex).toList());
    }

    private void write(AsOfProof proof, String format) throws Exception {
        Files.writeString(
                dir.resolve("key.pem"),
                Keys.pem("PUBLIC KEY", log.key.getPublic().getEncoded()));
        SignedLog.JSON.writeValue(dir.resolve("checkpoint.json").toFile(), log.oldCheckpoint);
        SignedLog.JSON.writeValue(dir.resolve("iv-1.json").toFile(), proof);
        manifest.putAll(Map.of(
                "format", format,
                "ledgerId", "ledger-iv-1",
                "interviewId", "iv-1",
                "checkpoint", "checkpoint.json",
                "publicKey", "key.pem",
                "proofs", List.of("iv-1.json"),
                "statements", List.of()));
        SignedLog.JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    /** The exit code, a space, and what the verifier printed. */
    private static String run(String... target) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exit = ArchiveVerifier.run(target, new PrintStream(text, true, StandardCharsets.UTF_8));
        return exit + " " + text.toString(StandardCharsets.UTF_8);
    }
}
