package io.sanjiaodi.audit.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.checkpoint.SigningKey;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.proof.AsOfProofService;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.asof.ArchiveVerifier;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import io.sanjiaodi.platform.Refusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * One zip per rectification ledger that verifies itself with only a JRE: the ledger's and its
 * interview's events with their proofs as of one checkpoint, the checkpoint, the key, the
 * producers' statements (place only until issue #20 part 3), {@code verifier.jar} and a reader's
 * guide in Chinese. Built from what the reader may read (scope and redaction as the history
 * endpoints). Layout in audit-service/README.md ("Ledger archive").
 */
@Service
public class LedgerArchiveService {

    static final String VERIFIER_RESOURCE = "/verifier/verifier.jar";
    static final String GUIDE_RESOURCE = "/archive/guide-zh.md";
    static final String STATEMENTS_DIR = "statements/";

    private final AsOfProofService proofs;
    private final CheckpointService checkpoints;
    private final SigningKey key;
    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final Clock clock;

    public LedgerArchiveService(
            AsOfProofService proofs,
            CheckpointService checkpoints,
            SigningKey key,
            MongoTemplate mongo,
            ObjectMapper json,
            Clock clock) {
        this.proofs = proofs;
        this.checkpoints = checkpoints;
        this.key = key;
        this.mongo = mongo;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    /** The zip's bytes; 404 for an unknown ledger, 403 OUT_OF_SCOPE for another jurisdiction's. */
    public byte[] archive(String ledgerId, ReaderScope scope) {
        Checkpoint checkpoint = archiveCheckpoint();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> proofFiles = new ArrayList<>();
        AsOfProof ledger = proofs.prove(ledgerId, checkpoint.treeSize(), scope);
        proofFiles.add(add(files, "events/ledger-" + safe(ledgerId) + ".json", ledger));
        String interviewId = interviewOf(ledgerId);
        if (interviewId != null) {
            proofFiles.add(add(
                    files,
                    "events/interview-" + safe(interviewId) + ".json",
                    proofs.prove(interviewId, checkpoint.treeSize(), scope)));
        }
        files.putAll(checkpointFiles(checkpoint));
        files.put("keys/audit-log.pem", key.publicKeyPem().getBytes(StandardCharsets.UTF_8));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", ArchiveVerifier.FORMAT);
        manifest.put("ledgerId", ledgerId);
        manifest.put("interviewId", interviewId);
        manifest.put("createdAt", clock.instant().toString());
        manifest.put("treeSize", checkpoint.treeSize());
        manifest.put("checkpoint", "checkpoint.json");
        manifest.put("publicKey", "keys/audit-log.pem");
        manifest.put("proofs", proofFiles);
        manifest.put("statements", STATEMENTS_DIR);
        add(files, ArchiveVerifier.MANIFEST, manifest);
        byte[] guide = guide(ledgerId, interviewId, checkpoint);
        files.put("说明.md", guide);
        files.put("README.txt", guide);
        files.put("verifier.jar", resource(VERIFIER_RESOURCE));
        return zip(files);
    }

    /**
     * The checkpoint the archive proves against: whatever {@link CheckpointService} serves as the
     * latest. When the cosigned C2SP note lands (issue #20 parts 1 and 2), swap it in here and in
     * {@link #checkpointFiles}.
     */
    Checkpoint archiveCheckpoint() {
        return checkpoints
                .latest()
                .orElseThrow(() -> Refusal.conflict("AUDIT_NO_CHECKPOINT", "no checkpoint has been signed yet"));
    }

    /** The checkpoint's files in the archive; the verifier reads checkpoint.json. */
    private Map<String, byte[]> checkpointFiles(Checkpoint checkpoint) {
        return Map.of("checkpoint.json", bytes(checkpoint));
    }

    /** The interview a ledger rectifies, as its opening event (committed in the log) names it. */
    private String interviewOf(String ledgerId) {
        AuditEntry opened = mongo.findOne(
                Query.query(
                        Criteria.where("aggregateId").is(ledgerId).and("type").is("RectificationOpened")),
                AuditEntry.class);
        return opened == null || opened.payload() == null
                ? null
                : opened.payload().getString("interviewId");
    }

    private byte[] guide(String ledgerId, String interviewId, Checkpoint checkpoint) {
        return new String(resource(GUIDE_RESOURCE), StandardCharsets.UTF_8)
                .replace("{ledgerId}", ledgerId)
                .replace("{interviewId}", interviewId == null ? "（无）" : interviewId)
                .replace("{treeSize}", Long.toString(checkpoint.treeSize()))
                .replace("{rootHash}", checkpoint.rootHash())
                .getBytes(StandardCharsets.UTF_8);
    }

    private String add(Map<String, byte[]> files, String name, Object value) {
        files.put(name, bytes(value));
        return name;
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names from ids: only what is safe in every file system. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static byte[] resource(String name) {
        try (InputStream in = LedgerArchiveService.class.getResourceAsStream(name)) {
            if (in == null) {
                // the build puts both into the classes (audit-service/pom.xml, verifier assembly)
                throw new IllegalStateException("this build carries no " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(STATEMENTS_DIR));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
