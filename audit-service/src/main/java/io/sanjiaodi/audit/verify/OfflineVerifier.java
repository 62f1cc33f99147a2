package io.sanjiaodi.audit.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey;
import io.sanjiaodi.audit.merkle.MerkleProofs;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import io.sanjiaodi.audit.verify.asof.AsOfVerifier;
import io.sanjiaodi.audit.witness.CosignerKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line verifier for a party that trusts neither this service nor its storage: plain
 * Java and Jackson, no Spring, no network. Usage in audit-service/README.md ("Offline verifier").
 * Exit code 0 = verified, 1 = verification failed, 2 = usage or input error. Checkpoints are read
 * as the JSON API gives them or as C2SP signed notes; {@code tiles} rebuilds a tree from C2SP tiles.
 */
public final class OfflineVerifier {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private OfflineVerifier() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args.length % 2 == 0) {
            out.println("usage: OfflineVerifier checkpoint|inclusion|consistency|export|tiles|asof|completeness"
                    + " --key public.pem|verifier-key.txt [--checkpoint c.json|c.note] [--proof p.json]"
                    + " [--old c.json|c.note] [--export log.jsonl] [--tiles dir] [--producer-key producer.pem]"
                    + " [--witnesses witness-keys.txt] [--seen c.note --proof consistency.json] [--max-age PT1H]");
            return 2;
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        try {
            Key key = readKey(Files.readString(Path.of(required(opts, "key"))))
                    .trusting(opts.containsKey("witnesses") ? witnesses(opts.get("witnesses")) : List.of());
            boolean ok = switch (args[0]) {
                case "checkpoint" -> {
                    Checkpoint c = readCheckpoint(required(opts, "checkpoint"));
                    boolean signed = checkpoint(c, key, out);
                    yield freshness(opts).check(c, key.witnesses(), out) && signed;
                }
                case "tiles" -> tiles(opts, key, out);
                case "inclusion" -> inclusion(opts, key, out);
                case "consistency" -> consistency(opts, key, out);
                case "export" -> export(opts, key, out);
                case "asof" -> AsOfVerifier.check(read(required(opts, "proof"), AsOfProof.class), key.publicKey(), out);
                case "completeness" ->
                    CompletenessVerification.verify(
                            JSON.readTree(Path.of(required(opts, "proof")).toFile()),
                            key.publicKey(),
                            opts.containsKey("producer-key")
                                    ? Keys.publicKey(Files.readString(Path.of(opts.get("producer-key"))))
                                    : null,
                            out,
                            JSON);
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            };
            out.println(ok ? "VERIFIED" : "FAILED");
            return ok ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println("ERROR " + e.getMessage());
            return 2;
        }
    }

    private static boolean checkpoint(Checkpoint c, Key key, PrintStream out) {
        boolean ok = c != null && key.verifies(c);
        out.println((ok ? "OK   " : "FAIL ") + "checkpoint signature, tree size " + (c == null ? "?" : c.treeSize())
                + ", root " + (c == null ? "?" : c.rootHash()));
        return WitnessCheck.cosigned(c, key.witnesses(), out) && ok;
    }

    /** {@code --seen}, {@code --proof} (the consistency proof from it), {@code --max-age}, {@code --now}. */
    private static CheckpointFreshness freshness(Map<String, String> opts) throws IOException {
        Checkpoint seen = opts.containsKey("seen") ? readCheckpoint(opts.get("seen")) : null;
        List<byte[]> proof = opts.containsKey("proof")
                ? hexList(JSON.readTree(Path.of(opts.get("proof")).toFile()).path("proof"))
                : null;
        return new CheckpointFreshness(
                seen,
                proof,
                opts.containsKey("max-age") ? Duration.parse(opts.get("max-age")) : null,
                opts.containsKey("now") ? Instant.parse(opts.get("now")) : Instant.now());
    }

    /** One witness verifier key per line ({@code --witnesses}): the bodies this reader trusts to cosign. */
    private static List<CosignerKey> witnesses(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(CosignerKey::parse)
                .toList();
    }

    /** The proof's own checkpoint, or the one given with --checkpoint (a checkpoint obtained independently). */
    private static boolean inclusion(Map<String, String> opts, Key key, PrintStream out) throws IOException {
        JsonNode proof = JSON.readTree(Path.of(required(opts, "proof")).toFile());
        Checkpoint c = opts.containsKey("checkpoint")
                ? readCheckpoint(opts.get("checkpoint"))
                : JSON.treeToValue(proof.get("checkpoint"), Checkpoint.class);
        boolean ok = checkpoint(c, key, out);
        byte[] leafHash = Sha256.unhex(proof.get("leafHash").asText());
        if (proof.hasNonNull("entry")) {
            ExportRecord entry = JSON.treeToValue(proof.get("entry"), ExportRecord.class);
            boolean leafOk = Arrays.equals(entry.recomputedLeafHash(), leafHash);
            out.println(
                    (leafOk ? "OK   " : "FAIL ") + "leaf hash recomputed from the entry's fields and payload (event "
                            + entry.eventId() + ", " + entry.type() + ")");
            ok &= leafOk;
        }
        long index = proof.get("leafIndex").asLong();
        boolean included =
                MerkleProofs.verifyInclusion(index, c.treeSize(), leafHash, hexList(proof.get("auditPath")), c.root());
        out.println(
                (included ? "OK   " : "FAIL ") + "inclusion of leaf " + index + " in the tree of size " + c.treeSize());
        return ok && included;
    }

    private static boolean consistency(Map<String, String> opts, Key key, PrintStream out) throws IOException {
        JsonNode proof = JSON.readTree(Path.of(required(opts, "proof")).toFile());
        Checkpoint first = opts.containsKey("old")
                ? readCheckpoint(opts.get("old"))
                : JSON.treeToValue(proof.get("firstCheckpoint"), Checkpoint.class);
        Checkpoint second = opts.containsKey("checkpoint")
                ? readCheckpoint(opts.get("checkpoint"))
                : JSON.treeToValue(proof.get("secondCheckpoint"), Checkpoint.class);
        if (first == null || second == null) {
            throw new IllegalArgumentException("need the older checkpoint (--old) and the newer one");
        }
        boolean ok = checkpoint(first, key, out) & checkpoint(second, key, out);
        boolean consistent = MerkleProofs.verifyConsistency(
                first.treeSize(), second.treeSize(), first.root(), second.root(), hexList(proof.get("proof")));
        out.println(
                (consistent ? "OK   " : "FAIL ") + "tree " + second.treeSize() + " extends tree " + first.treeSize());
        return ok && consistent;
    }

    /** Re-verifies a whole export against one checkpoint (--checkpoint: an object or the array of all checkpoints). */
    private static boolean export(Map<String, String> opts, Key key, PrintStream out) throws IOException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        String text = Files.readString(Path.of(required(opts, "checkpoint")));
        if (isJson(text)) {
            JsonNode node = JSON.readTree(text);
            for (JsonNode c : node.isArray() ? node : List.of(node)) {
                checkpoints.add(JSON.treeToValue(c, Checkpoint.class));
            }
        } else {
            checkpoints.add(Checkpoint.fromNote(text));
        }
        LogVerification verification = LogVerification.standalone();
        long start = System.nanoTime();
        try (BufferedReader lines = Files.newBufferedReader(Path.of(required(opts, "export")))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    verification.accept(JSON.readValue(line, ExportRecord.class));
                }
            }
        }
        VerificationReport report = verification.finish(checkpoints, key.publicKey());
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        out.printf(
                "%s %d entries re-verified in %d ms, %d checkpoint(s), verified tree size %s%n",
                report.ok() ? "OK  " : "FAIL",
                report.entries(),
                millis,
                report.checkpointsChecked(),
                report.verifiedTreeSize());
        if (report.entriesOutsideScope() > 0) {
            out.printf(
                    "     %d entries outside the reader's jurisdiction came as leaf hashes only: in the tree and its"
                            + " signed roots, not recomputed%n",
                    report.entriesOutsideScope());
        }
        report.problems()
                .forEach(p -> out.println(
                        "FAIL index " + p.index() + " event " + p.eventId() + ": " + p.code() + " " + p.detail()));
        return report.ok();
    }

    /** The tree of a verified checkpoint rebuilt from a directory of C2SP tiles (README "Standard formats"). */
    private static boolean tiles(Map<String, String> opts, Key key, PrintStream out) throws IOException {
        Checkpoint c = readCheckpoint(required(opts, "checkpoint"));
        return checkpoint(c, key, out) && TileVerification.verify(c, Path.of(required(opts, "tiles")), out);
    }

    /** A checkpoint file as the JSON API gives it (old or new) or as the C2SP note of /api/audit/log/checkpoint. */
    private static Checkpoint readCheckpoint(String file) throws IOException {
        String text = Files.readString(Path.of(file));
        return isJson(text) ? JSON.readValue(text, Checkpoint.class) : Checkpoint.fromNote(text);
    }

    private static boolean isJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    /**
     * A PEM public key, or the verifier key of /api/audit/log/verifier-key ({@code name+hex+base64}),
     * whose name must then be the origin of every C2SP checkpoint it verifies.
     */
    private static Key readKey(String text) {
        if (text.contains("-----BEGIN")) {
            return new Key(Keys.publicKey(text), null, List.of());
        }
        Ed25519NoteKey vkey = Ed25519NoteKey.parse(text);
        return new Key(vkey.javaKey(), vkey.name(), List.of());
    }

    /** @param origin the verifier key's name, which a C2SP checkpoint's origin must then be; null for a PEM key */
    private record Key(PublicKey publicKey, String origin, List<CosignerKey> witnesses) {

        Key trusting(List<CosignerKey> trusted) {
            return new Key(publicKey, origin, trusted);
        }

        boolean verifies(Checkpoint c) {
            return c.verify(publicKey)
                    && (origin == null
                            || c.note() == null
                            || origin.equals(c.noteCheckpoint().origin()));
        }
    }

    private static List<byte[]> hexList(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(n -> out.add(Sha256.unhex(n.asText())));
        return out;
    }

    private static <T> T read(String file, Class<T> type) throws IOException {
        return JSON.readValue(Path.of(file).toFile(), type);
    }

    private static String required(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
