package io.sanjiaodi.audit.verify.asof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.witness.CosignerKey;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the archive's verifier checks besides the as-of proofs: the C2SP note of the checkpoint
 * (the log's note signature, the same tree as checkpoint.json, and the witnesses' cosignatures,
 * at least {@code witnessesRequired} of them), and the producers' statements (each signed by its
 * producer's key, made at least the grace before the checkpoint, and stating no later event of its
 * aggregate than the archive holds: an event the log withheld is named). "Before the checkpoint" is
 * before the later of its signing time and its freshest valid cosignature: a witness cosigns only
 * the checkpoint the log presents as its latest, so a refreshed cosignature at time W says the log
 * held nothing newer at W than the few seconds a checkpoint takes (a quiet log is not re-signed).
 */
final class ArchiveEvidence {

    private static final String MANIFEST = ArchiveVerifier.MANIFEST;

    private final Path root;
    private final JsonNode manifest;
    private final ObjectMapper json;
    private final List<Finding> findings;
    /** The freshest valid cosignature of the note (epoch ms); 0 while none was checked. */
    private long cosignedAt;

    ArchiveEvidence(Path root, JsonNode manifest, ObjectMapper json, List<Finding> findings) {
        this.root = root;
        this.manifest = manifest;
        this.json = json;
        this.findings = findings;
    }

    /** @param trusted the witness keys the reader brought (--witnesses), or null to use the archive's own */
    void note(Checkpoint checkpoint, List<String> trusted) throws IOException {
        if (!manifest.hasNonNull("note")) {
            // archives made before witnessed checkpoints; a reader who trusts witnesses demands their word
            findings.add(
                    trusted == null
                            ? Finding.note("NOTE_MISSING", MANIFEST, "no C2SP checkpoint note: no witness checked")
                            : Finding.fail(
                                    "NOTE_MISSING", MANIFEST, "no C2SP note for the witnesses to have cosigned"));
            return;
        }
        String file = manifest.path("note").asText();
        String text = Files.readString(root.resolve(file));
        Ed25519NoteKey logKey = Ed25519NoteKey.parse(
                Files.readString(root.resolve(manifest.path("verifierKey").asText()))
                        .strip());
        Checkpoint noted = Checkpoint.fromNote(text);
        boolean signed = noted.verify(logKey.javaKey())
                && logKey.name().equals(noted.noteCheckpoint().origin());
        findings.add(
                signed
                        ? Finding.ok("NOTE_SIGNED", file, "signed by the log's note key " + logKey.name())
                        : Finding.fail("NOTE_SIGNATURE", file, "the log's note signature does not verify"));
        if (noted.treeSize() != checkpoint.treeSize() || !noted.rootHash().equals(checkpoint.rootHash())) {
            findings.add(Finding.fail("NOTE_DIFFERS", file, "names another tree than checkpoint.json"));
        }
        List<String> keys = trusted != null
                ? trusted
                : Files.readAllLines(root.resolve(manifest.path("witnessKeys").asText()));
        if (trusted == null) {
            findings.add(
                    Finding.note(
                            "WITNESS_KEYS",
                            "keys/witnesses.txt",
                            "witness keys as the archive names"
                                    + " them: compare them with the keys the witnesses publish, or pass your own with --witnesses"));
        }
        SignedNote note = SignedNote.parse(text);
        int cosigned = 0;
        for (String line : keys) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            CosignerKey witness = CosignerKey.parse(line.strip());
            long time = witness.newestCosignature(note);
            if (time > 0) {
                cosigned++;
                cosignedAt = Math.max(cosignedAt, time * 1000);
                findings.add(Finding.ok("COSIGNED", witness.name(), "cosigned at " + Instant.ofEpochSecond(time)));
            } else {
                findings.add(Finding.fail(
                        "COSIGNATURE_MISSING",
                        witness.name(),
                        "no valid cosignature on the note"
                                + " (missing, or made for another checkpoint: a fork or a replay)"));
            }
        }
        int required = manifest.path("witnessesRequired").asInt(0);
        if (cosigned < required) {
            findings.add(Finding.fail(
                    "CHECKPOINT_NOT_WITNESSED", file, cosigned + " valid cosignature(s), " + required + " required"));
        }
    }

    /** @param proofs each aggregate's verified as-of proof in the archive, by aggregate id */
    void statements(Checkpoint checkpoint, Map<String, AsOfProof> proofs) throws IOException {
        long grace = manifest.path("statementGraceMillis").asLong(0);
        JsonNode keys = manifest.path("producerKeys");
        java.util.Set<String> stated = new java.util.HashSet<>();
        for (JsonNode entry : manifest.path("statements")) {
            String file = entry.asText();
            JsonNode content = json.readTree(Files.readString(root.resolve(file)));
            String aggregate = content.path("aggregateId").asText();
            ProducerStatement statement = json.treeToValue(content.path("statement"), ProducerStatement.class);
            stated.add(aggregate);
            String producer = statement.producer();
            String subject = file + " (" + producer + ", size " + statement.size() + ")";
            if (!keys.hasNonNull(producer)) {
                findings.add(Finding.fail("STATEMENT_KEY_MISSING", subject, "the archive has no key of " + producer));
                continue;
            }
            PublicKey key = Keys.publicKey(
                    Files.readString(root.resolve(keys.path(producer).asText())));
            if (!statement.verify(key)) {
                findings.add(Finding.fail("STATEMENT_FORGED", subject, "not signed by the producer's key"));
                continue;
            }
            findings.add(Finding.ok(
                    "STATEMENT_SIGNED",
                    subject,
                    "signed by " + producer + " at " + Instant.ofEpochMilli(statement.time())));
            if (statement.time() + grace > Math.max(checkpoint.timestamp(), cosignedAt)) {
                findings.add(Finding.fail(
                        "STATEMENT_NOT_DUE",
                        subject,
                        "made less than " + grace
                                + " ms before the checkpoint, which need not hold what it states yet"));
            }
            head(aggregate, statement, proofs.get(aggregate), subject);
        }
        for (String aggregate : proofs.keySet()) {
            if (!stated.contains(aggregate)) {
                findings.add(
                        Finding.note(
                                "STATEMENT_NONE",
                                aggregate,
                                "no producer statement made before the"
                                        + " checkpoint names it; the log's completeness against its producer is not shown here"));
            }
        }
    }

    private void head(String aggregate, ProducerStatement statement, AsOfProof proof, String subject) {
        ProducerStatement.Head head = statement.heads().stream()
                .filter(h -> h.aggregateId().equals(aggregate))
                .findFirst()
                .orElse(null);
        if (head == null || proof == null) {
            findings.add(Finding.fail(
                    "STATEMENT_UNRELATED",
                    subject,
                    "does not name " + aggregate + (proof == null ? ", or the archive has no proof of it" : "")));
            return;
        }
        Long sequence = proof.events().isEmpty()
                ? null
                : proof.events().get(proof.events().size() - 1).entry().aggregateSequence();
        long last = sequence == null ? -1 : sequence;
        if (head.sequence() > last) {
            findings.add(Finding.fail(
                    "STATEMENT_EVENTS_MISSING",
                    aggregate,
                    producerName(statement)
                            + " had published up to sequence " + head.sequence() + " when it signed, but the checkpoint"
                            + " holds only up to " + last + ": the log withheld " + (head.sequence() - last)
                            + " event(s)"));
        } else {
            findings.add(Finding.ok(
                    "STATEMENT_COVERED",
                    aggregate,
                    "the checkpoint holds sequence " + head.sequence()
                            + ", the last its producer had published when it signed"));
        }
    }

    private static String producerName(ProducerStatement statement) {
        return "producer " + statement.producer();
    }
}
