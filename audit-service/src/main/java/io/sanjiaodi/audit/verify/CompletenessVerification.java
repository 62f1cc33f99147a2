package io.sanjiaodi.audit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.merkle.MerkleProofs;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code OfflineVerifier completeness}: a completeness proof ({@code GET /api/audit/completeness})
 * checked with nothing but the keys: the producer's signature on its statement, the producer's
 * root recomputed from the positions' ids (or, for entries outside the reader's scope, their
 * producer leaf hashes), positions 1..n each present once and in order, the audit checkpoint's
 * signature, and every position's inclusion in that checkpoint; where the entry's fields are
 * given, its audit leaf recomputed from them and its event id equal to the position's.
 */
final class CompletenessVerification {

    private CompletenessVerification() {}

    static boolean verify(JsonNode proof, PublicKey auditKey, PublicKey producerKey, PrintStream out, ObjectMapper json)
            throws java.io.IOException {
        ProducerStatement statement = json.treeToValue(proof.get("statement"), ProducerStatement.class);
        PublicKey key = producerKey != null ? producerKey : statement.statedKey();
        boolean signed = key != null && statement.verify(key);
        out.println((signed ? "OK   " : "FAIL ") + "producer statement signature (" + statement.producer() + ", size "
                + statement.size() + (producerKey == null ? ", key as stated: compare it with the producer's" : "")
                + ")");
        Checkpoint checkpoint = json.treeToValue(proof.get("checkpoint"), Checkpoint.class);
        boolean ok = signed & checkpoint != null && checkpoint.verify(auditKey);
        out.println((checkpoint != null && checkpoint.verify(auditKey) ? "OK   " : "FAIL ")
                + "audit checkpoint signature, tree size " + (checkpoint == null ? "?" : checkpoint.treeSize()));
        if (checkpoint == null) {
            return false;
        }
        MerkleTree producerTree = new MerkleTree();
        List<String> failures = new ArrayList<>();
        long expected = 1;
        for (JsonNode p : proof.get("positions")) {
            long position = p.get("position").asLong();
            if (position != expected) {
                failures.add("position " + expected + " is not where it should be (found " + position + ")");
            }
            expected = position + 1;
            byte[] producerLeaf = Sha256.unhex(p.get("producerLeafHash").asText());
            if (p.hasNonNull("eventId")) {
                String id = p.get("eventId").asText();
                if (!Arrays.equals(Sha256.leafHash(id.getBytes(StandardCharsets.UTF_8)), producerLeaf)) {
                    failures.add("position " + position + ": event id " + id + " does not hash to its producer leaf");
                }
                producerLeaf = Sha256.leafHash(id.getBytes(StandardCharsets.UTF_8));
            }
            producerTree.append(producerLeaf);
            byte[] leaf = Sha256.unhex(p.get("leafHash").asText());
            if (p.hasNonNull("entry")) {
                ExportRecord entry = json.treeToValue(p.get("entry"), ExportRecord.class);
                if (!Arrays.equals(entry.recomputedLeafHash(), leaf)
                        || !entry.eventId().equals(p.path("eventId").asText())) {
                    failures.add("position " + position + ": the entry's fields do not yield its audit leaf or id");
                }
            }
            List<byte[]> path = new ArrayList<>();
            p.get("auditPath").forEach(h -> path.add(Sha256.unhex(h.asText())));
            long index = p.get("logIndex").asLong();
            if (!MerkleProofs.verifyInclusion(index, checkpoint.treeSize(), leaf, path, checkpoint.root())) {
                failures.add("position " + position + " (log index " + index + ") is not included in the checkpoint");
            }
        }
        if (producerTree.size() != statement.size()) {
            failures.add("the proof has " + producerTree.size() + " positions, the statement " + statement.size());
        }
        boolean rootOk = producerTree.size() == statement.size()
                && Sha256.hexEquals(producerTree.root(producerTree.size()), statement.rootHash());
        out.println((rootOk ? "OK   " : "FAIL ") + "producer root recomputed from the " + producerTree.size()
                + " positions' ids");
        failures.forEach(f -> out.println("FAIL " + f));
        out.println((failures.isEmpty() ? "OK   " : "FAIL ") + producerTree.size()
                + " inclusion proofs in the checkpoint of size " + checkpoint.treeSize());
        return ok && rootOk && failures.isEmpty();
    }
}
