package io.sanjiaodi.audit.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.leaf.Leaf;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.proof.ProofService;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small log built the way the appender builds it (chain rule, leaf encoding, RFC 9162 tree),
 * held in memory and exported as the service exports it, with checkpoints at sizes 6 and 12.
 * Entries alternate between the interviews iv-1 (even indexes) and iv-2 (odd indexes), except
 * index 5, an event of no aggregate. Event ids are "e" + index.
 */
final class SignedLog {

    static final int SIZE = 12;
    static final int OLD_SIZE = 6;
    static final String SOURCE = "/sanjiaodi/interview-service";
    static final ObjectMapper JSON = new ObjectMapper();

    final KeyPair key = generate();
    final KeyPair otherKey = generate();
    final List<ExportRecord> records = new ArrayList<>();
    final MerkleTree tree = new MerkleTree();
    final Checkpoint oldCheckpoint;
    final Checkpoint checkpoint;

    SignedLog() {
        Map<String, Long> sequences = new HashMap<>();
        Map<String, byte[]> lastLeaf = new HashMap<>();
        for (int i = 0; i < SIZE; i++) {
            String aggregate = i == 5 ? null : i % 2 == 0 ? "iv-1" : "iv-2";
            Long seq = aggregate == null ? null : sequences.merge(aggregate, 1L, Long::sum) - 1;
            Map<String, Object> payload = payload(aggregate, i);
            byte[] payloadHash = Leaf.payloadHash(payload);
            byte[] prev = aggregate == null ? Leaf.NO_PREVIOUS : lastLeaf.getOrDefault(aggregate, Leaf.NO_PREVIOUS);
            ExportRecord stored = record(i, aggregate, seq, payloadHash, prev, null, payload);
            // the leaf of the README's encoding, built from the fields directly rather than through ExportRecord
            byte[] leafHash = new Leaf(
                            stored.eventId(),
                            stored.type(),
                            stored.source(),
                            stored.aggregateId(),
                            stored.aggregateSequence(),
                            stored.eventTime(),
                            stored.recordedAt(),
                            stored.actor(),
                            payloadHash,
                            prev)
                    .hash();
            records.add(record(i, aggregate, seq, payloadHash, prev, leafHash, payload));
            tree.append(leafHash);
            if (aggregate != null) {
                lastLeaf.put(aggregate, leafHash);
            }
        }
        oldCheckpoint = sign(OLD_SIZE, 1542272400000L);
        checkpoint = sign(SIZE, 1542272460000L);
    }

    Checkpoint sign(long size, long timestamp) {
        return Checkpoint.sign(size, tree.root(size), timestamp, key.getPrivate());
    }

    List<String> lines() {
        return records.stream().map(SignedLog::line).toList();
    }

    static String line(ExportRecord r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry as the export carries it: parsed back from its JSON line, payload as plain maps. */
    ExportRecord exported(int index) {
        try {
            return JSON.readValue(line(records.get(index)), ExportRecord.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ProofService.InclusionProof inclusion(int index, Checkpoint c) {
        return new ProofService.InclusionProof(
                "e" + index,
                index,
                c.treeSize(),
                Sha256.hex(tree.leafHash(index)),
                tree.inclusionProof(index, c.treeSize()).stream()
                        .map(Sha256::hex)
                        .toList(),
                c,
                exported(index));
    }

    ProofService.ConsistencyProof consistency(Checkpoint first, Checkpoint second) {
        return new ProofService.ConsistencyProof(
                first.treeSize(),
                second.treeSize(),
                first.rootHash(),
                second.rootHash(),
                tree.consistencyProof(first.treeSize(), second.treeSize()).stream()
                        .map(Sha256::hex)
                        .toList(),
                first,
                second);
    }

    /** The same record with other stored fields, e.g. a forger's edit. */
    static ExportRecord with(
            ExportRecord r, String type, String payloadHash, String prevLeafHash, String leafHash, Object payload) {
        return new ExportRecord(
                r.logIndex(),
                r.eventId(),
                type,
                r.source(),
                r.aggregateId(),
                r.aggregateSequence(),
                r.eventTime(),
                r.recordedAt(),
                r.actor(),
                payloadHash,
                prevLeafHash,
                leafHash,
                payload);
    }

    static ExportRecord withPrevLeafHash(ExportRecord r, String prevLeafHash) {
        return with(r, r.type(), r.payloadHash(), prevLeafHash, r.leafHash(), r.payload());
    }

    private static ExportRecord record(
            int i,
            String aggregate,
            Long seq,
            byte[] payloadHash,
            byte[] prev,
            byte[] leafHash,
            Map<String, Object> payload) {
        return new ExportRecord(
                i,
                "e" + i,
                aggregate == null ? "SecurityEventRecorded" : "ProblemItemAdded",
                SOURCE,
                aggregate,
                seq,
                1542272400000L + 1000L * i,
                1542272400500L + 1000L * i,
                i % 3 == 0 ? "u-" + i : null,
                Sha256.hex(payloadHash),
                Sha256.hex(prev),
                Sha256.hex(leafHash),
                payload);
    }

    private static Map<String, Object> payload(String aggregate, int i) {
        Map<String, Object> item = new HashMap<>();
        item.put("itemId", "p-" + i);
        item.put("text", "问题" + i);
        Map<String, Object> payload = new HashMap<>();
        payload.put("interviewId", aggregate);
        payload.put("item", item);
        payload.put("listVersion", i);
        return payload;
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
