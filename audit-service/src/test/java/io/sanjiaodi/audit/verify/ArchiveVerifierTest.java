package io.sanjiaodi.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.verify.asof.ArchiveVerifier;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import io.sanjiaodi.audit.verify.asof.AsOfProof.ProvenEntry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
                        "0 producer statement(s)")
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
    void aMissingArchiveIsAnInputErrorNotAVerdict() {
        assertThat(run(dir.resolve("nothing-here").toString())).startsWith("2").contains("ERROR");
    }

    /** No argument: the directory of the verifier's own code (here the compiled classes, which hold no archive). */
    @Test
    void withoutAnArgumentTheVerifierReadsTheDirectoryItSitsIn() {
        assertThat(run()).startsWith("2").contains("classes" + java.io.File.separator + "manifest.json");
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
        SignedLog.JSON.writeValue(
                dir.resolve("manifest.json").toFile(),
                Map.of(
                        "format", format,
                        "ledgerId", "ledger-iv-1",
                        "interviewId", "iv-1",
                        "checkpoint", "checkpoint.json",
                        "publicKey", "key.pem",
                        "proofs", List.of("iv-1.json"),
                        "statements", "statements/"));
    }

    /** The exit code, a space, and what the verifier printed. */
    private static String run(String... target) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exit = ArchiveVerifier.run(target, new PrintStream(text, true, StandardCharsets.UTF_8));
        return exit + " " + text.toString(StandardCharsets.UTF_8);
    }
}
