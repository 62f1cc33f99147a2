package io.sanjiaodi.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.proof.ProofService;
import io.sanjiaodi.audit.query.ReaderScope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;

/** The command-line verifier over files shaped like the service's responses. */
class OfflineVerifierTest {

    @TempDir
    Path dir;

    private AuditFixture audit;
    private final ObjectMapper json = new ObjectMapper();
    private Checkpoint first;
    private Checkpoint second;
    private Path key;

    @BeforeEach
    void setUp() throws Exception {
        audit = new AuditFixture(dir);
        audit.log.append(LongStream.range(0, 6)
                .mapToObj(i -> Events.draft("a" + i, "iv-1", i))
                .toList());
        first = audit.checkpoints.signIfGrown().orElseThrow();
        audit.log.append(LongStream.range(0, 5)
                .mapToObj(i -> Events.draft("b" + i, "iv-2", i))
                .toList());
        second = audit.checkpoints.signIfGrown().orElseThrow();
        key = Files.writeString(dir.resolve("public.pem"), audit.key.publicKeyPem());
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void aCheckpointVerifiesOnlyWithItsKey() throws Exception {
        Path c = write("c.json", second);
        assertThat(run("checkpoint", "--key", key.toString(), "--checkpoint", c.toString()))
                .isZero();
        Path otherKey = Files.writeString(
                dir.resolve("other.pem"),
                Keys.pem(
                        "PUBLIC KEY",
                        KeyPairGenerator.getInstance("Ed25519")
                                .generateKeyPair()
                                .getPublic()
                                .getEncoded()));
        assertThat(run("checkpoint", "--key", otherKey.toString(), "--checkpoint", c.toString()))
                .isEqualTo(1);
    }

    @Test
    void anInclusionProofVerifiesAndATamperedOneFails() throws Exception {
        var proof = audit.proofs.inclusion("a3", null, ReaderScope.everything());
        assertThat(run(
                        "inclusion",
                        "--key",
                        key.toString(),
                        "--proof",
                        write("p.json", proof).toString()))
                .isZero();
        assertThat(run(
                        "inclusion",
                        "--key",
                        key.toString(),
                        "--proof",
                        write("p.json", proof).toString(),
                        "--checkpoint",
                        write("old.json", first).toString()))
                .as("against the older checkpoint")
                .isEqualTo(1);
        List<String> path = new ArrayList<>(proof.auditPath());
        path.set(0, path.get(0).replaceFirst(".", path.get(0).startsWith("0") ? "1" : "0"));
        var forged = new ProofService.InclusionProof(
                proof.eventId(),
                proof.leafIndex(),
                proof.treeSize(),
                proof.leafHash(),
                path,
                proof.checkpoint(),
                proof.entry());
        assertThat(run(
                        "inclusion",
                        "--key",
                        key.toString(),
                        "--proof",
                        write("f.json", forged).toString()))
                .isEqualTo(1);
    }

    @Test
    void aConsistencyProofVerifies() throws Exception {
        var proof = audit.proofs.consistency(first.treeSize(), null);
        assertThat(run(
                        "consistency",
                        "--key",
                        key.toString(),
                        "--proof",
                        write("c.json", proof).toString(),
                        "--old",
                        write("old.json", first).toString()))
                .isZero();
    }

    @Test
    void aFullExportReVerifiesAndAnEditedLineIsNamed() throws Exception {
        List<String> lines = new ArrayList<>();
        for (AuditEntry e : audit.mongo.find(new Query().with(Sort.by("logIndex")), AuditEntry.class)) {
            lines.add(json.writeValueAsString(ExportRecord.of(e)));
        }
        Path checkpoints = write("all.json", audit.checkpoints.all());
        Path export = Files.write(dir.resolve("log.jsonl"), lines);
        assertThat(run(
                        "export",
                        "--key",
                        key.toString(),
                        "--export",
                        export.toString(),
                        "--checkpoint",
                        checkpoints.toString()))
                .isZero();

        lines.set(8, lines.get(8).replace("问题", "无问题"));
        Files.write(export, lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(
                new String[] {
                    "export",
                    "--key",
                    key.toString(),
                    "--export",
                    export.toString(),
                    "--checkpoint",
                    checkpoints.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL index 8 event b2: PAYLOAD_CHANGED");
    }

    private int run(String... args) {
        return OfflineVerifier.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private Path write(String name, Object value) throws Exception {
        Path file = dir.resolve(name);
        json.writeValue(file.toFile(), value);
        return file;
    }
}
