package io.sanjiaodi.audit.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.checkpoint.SigningKey;
import io.sanjiaodi.audit.completeness.CompletenessProperties;
import io.sanjiaodi.audit.completeness.ProducerStatements;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.proof.AsOfProofService;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.asof.ArchiveVerifier;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import io.sanjiaodi.audit.witness.StoredCosignature;
import io.sanjiaodi.audit.witness.WitnessProperties;
import io.sanjiaodi.audit.witness.WitnessedCheckpoints;
import io.sanjiaodi.audit.witness.WitnessedCheckpoints.Witnessed;
import io.sanjiaodi.platform.Refusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * One zip per rectification ledger that verifies itself with only a JRE: the ledger's and its
 * interview's events with their proofs as of one checkpoint, that checkpoint as JSON and as the
 * C2SP note with the witnesses' cosignatures, the keys (log, witnesses, producers), for each
 * aggregate the newest producer statement due before the checkpoint, {@code verifier.jar} and a
 * reader's guide in Chinese. Built from what the reader may read (scope and redaction as the
 * history endpoints). Layout in audit-service/README.md ("Ledger archive").
 */
@Service
public class LedgerArchiveService {

    static final String VERIFIER_RESOURCE = "/verifier/verifier.jar";
    static final String GUIDE_RESOURCE = "/archive/guide-zh.md";
    static final String STATEMENTS_DIR = "statements/";

    private final AsOfProofService proofs;
    private final WitnessedCheckpoints witnessed;
    private final WitnessProperties witnesses;
    private final ProducerStatements statements;
    private final CompletenessProperties completeness;
    private final SigningKey key;
    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final Clock clock;

    public LedgerArchiveService(
            AsOfProofService proofs,
            WitnessedCheckpoints witnessed,
            WitnessProperties witnesses,
            ProducerStatements statements,
            CompletenessProperties completeness,
            SigningKey key,
            MongoTemplate mongo,
            ObjectMapper json,
            Clock clock) {
        this.proofs = proofs;
        this.witnessed = witnessed;
        this.witnesses = witnesses;
        this.statements = statements;
        this.completeness = completeness;
        this.key = key;
        this.mongo = mongo;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    /** The zip's bytes; 404 for an unknown ledger, 403 OUT_OF_SCOPE for another jurisdiction's. */
    public byte[] archive(String ledgerId, ReaderScope scope) {
        Witnessed served = archiveCheckpoint();
        Checkpoint checkpoint = served.checkpoint();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> proofFiles = new LinkedHashMap<>();
        AsOfProof ledger = proofs.prove(ledgerId, checkpoint.treeSize(), scope);
        proofFiles.put(ledgerId, add(files, "events/ledger-" + safe(ledgerId) + ".json", ledger));
        String interviewId = interviewOf(ledgerId);
        if (interviewId != null) {
            proofFiles.put(
                    interviewId,
                    add(
                            files,
                            "events/interview-" + safe(interviewId) + ".json",
                            proofs.prove(interviewId, checkpoint.treeSize(), scope)));
        }
        files.put("checkpoint.json", bytes(checkpoint));
        files.put("checkpoint.note", served.note().getBytes(StandardCharsets.UTF_8));
        files.put("keys/audit-log.pem", key.publicKeyPem().getBytes(StandardCharsets.UTF_8));
        files.put("keys/audit-log.vkey", (key.noteKey().verifierKey() + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("keys/witnesses.txt", witnessKeys(served).getBytes(StandardCharsets.UTF_8));
        Map<String, String> producerKeys = new TreeMap<>();
        long cosignedAt = served.cosignatures().stream()
                .mapToLong(StoredCosignature::time)
                .max()
                .orElse(0);
        List<String> statementFiles = statementFiles(proofFiles.keySet(), checkpoint, cosignedAt, files, producerKeys);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", ArchiveVerifier.FORMAT);
        manifest.put("ledgerId", ledgerId);
        manifest.put("interviewId", interviewId);
        manifest.put("createdAt", clock.instant().toString());
        manifest.put("treeSize", checkpoint.treeSize());
        manifest.put("checkpoint", "checkpoint.json");
        manifest.put("note", "checkpoint.note");
        manifest.put("publicKey", "keys/audit-log.pem");
        manifest.put("verifierKey", "keys/audit-log.vkey");
        manifest.put("witnessKeys", "keys/witnesses.txt");
        manifest.put("witnessesRequired", witnessed.required());
        manifest.put("proofs", List.copyOf(proofFiles.values()));
        manifest.put("statements", statementFiles);
        manifest.put("producerKeys", producerKeys);
        manifest.put("statementGraceMillis", completeness.grace().toMillis());
        add(files, ArchiveVerifier.MANIFEST, manifest);
        byte[] guide = guide(ledgerId, interviewId, checkpoint);
        files.put("说明.md", guide);
        files.put("README.txt", guide);
        files.put("verifier.jar", resource(VERIFIER_RESOURCE));
        return zip(files);
    }

    /**
     * The checkpoint the archive proves against: the one {@code GET /api/audit/log/checkpoint}
     * serves, with as many cosignatures as {@code audit.witnesses-required} asks for.
     */
    Witnessed archiveCheckpoint() {
        return witnessed
                .newest()
                .orElseThrow(() -> witnessed.required() == 0
                        ? Refusal.conflict("AUDIT_NO_CHECKPOINT", "no checkpoint has been signed yet")
                        : Refusal.unavailable(
                                "AUDIT_NOT_YET_WITNESSED",
                                "no checkpoint has been cosigned by " + witnessed.required() + " witness(es) yet"));
    }

    /** The verifier keys of the witnesses that cosigned, one a line (the reader may bring their own). */
    private String witnessKeys(Witnessed served) {
        Set<String> cosigned =
                served.cosignatures().stream().map(StoredCosignature::witness).collect(Collectors.toSet());
        return witnesses.witnesses().stream()
                .filter(w -> cosigned.contains(w.name()))
                .map(w -> w.verifierKey() + "\n")
                .collect(Collectors.joining());
    }

    /**
     * Per aggregate, the newest accepted producer statement naming it that was made at least the
     * completeness grace before the checkpoint (its signing time or, when later, its freshest
     * cosignature; ArchiveEvidence says why), so the checkpoint must hold what it states, and the key
     * of each producer involved.
     */
    private List<String> statementFiles(
            Set<String> aggregates,
            Checkpoint checkpoint,
            long cosignedAt,
            Map<String, byte[]> files,
            Map<String, String> keys) {
        Instant due = Instant.ofEpochMilli(Math.max(checkpoint.timestamp(), cosignedAt * 1000))
                .minus(completeness.grace());
        List<String> names = new ArrayList<>();
        for (String aggregate : aggregates) {
            statements.newestNaming(aggregate, due).ifPresent(received -> {
                String producer = received.statement().producer();
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("aggregateId", aggregate);
                file.put("statement", received.statement());
                names.add(add(files, STATEMENTS_DIR + safe(aggregate) + ".json", file));
                statements.keyOf(producer).ifPresent(k -> {
                    String name = "keys/producers/" + safe(producer) + ".pem";
                    files.put(name, Keys.pem("PUBLIC KEY", k.getEncoded()).getBytes(StandardCharsets.UTF_8));
                    keys.put(producer, name);
                });
            });
        }
        return names;
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
