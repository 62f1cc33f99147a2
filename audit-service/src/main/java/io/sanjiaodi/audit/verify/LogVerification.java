package io.sanjiaodi.audit.verify;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.leaf.AggregateChains;
import io.sanjiaodi.audit.leaf.Leaf;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * Re-verifies a log from its entries in index order, trusting none of the stored hashes: each
 * leaf is recomputed from its fields and payload, each chain link from the recomputed leaves, and
 * the roots of the recomputed tree are compared with every signed checkpoint. Plain Java: the
 * service runs it over MongoDB, the offline verifier over an export.
 *
 * <p>Cut to a reader's jurisdiction, the log still verifies whole: entries outside it come as
 * their leaf hash only ({@link ExportRecord#hashOnly()}), which go into the tree unrecomputed, and
 * a visible entry may link to one of them. Findings on entries the reader may not see (accepted
 * with {@code named} false) are counted in {@code problemsOutsideScope}, not described.
 */
public final class LogVerification {

    private static final int MAX_PROBLEMS = 100;
    /** Entries recomputed together; large enough to amortise the fork, small enough to stream. */
    private static final int BLOCK = 2048;
    /** Stands in for the payload hash of a payload that is no longer JSON, so that the entry still gets a leaf. */
    private static final byte[] NOT_JSON = new byte[Sha256.LENGTH];

    private final List<ExportRecord> pending = new ArrayList<>(BLOCK);
    private final BitSet pendingHidden = new BitSet(BLOCK);
    /** Leaf hashes (hex) of the entries given as hash only: the links a visible entry may have to them. */
    private final Set<String> hashOnlyLeaves = new HashSet<>();

    private final MerkleTree tree = new MerkleTree();
    private final AggregateChains chains = new AggregateChains();
    private final List<Problem> problems = new ArrayList<>();
    private final LongFunction<String> knownEventId;
    private final LongFunction<byte[]> witness;
    private final boolean namesDeleted;
    private long problemCount;
    private long problemsOutsideScope;
    private long entriesOutsideScope;
    /** Whether the entry being verified may be described to the reader. */
    private boolean named = true;

    private long checkpointsChecked;
    private Long verifiedTreeSize;

    /**
     * @param knownEventId the event id the appender recorded at an index (names deleted entries), may return null
     * @param witness      the leaf hash the appender recorded at an index, or null where it knows none
     */
    public LogVerification(LongFunction<String> knownEventId, LongFunction<byte[]> witness) {
        this(knownEventId, witness, true);
    }

    /**
     * @param namesDeleted whether findings at indexes no entry fills (deleted, truncated) may name
     *                     the event id the appender knew there; false for a reader who may not know
     *                     whose it was: they are then counted outside the scope
     */
    public LogVerification(LongFunction<String> knownEventId, LongFunction<byte[]> witness, boolean namesDeleted) {
        this.knownEventId = knownEventId;
        this.witness = witness;
        this.namesDeleted = namesDeleted;
    }

    public static LogVerification standalone() {
        return new LogVerification(i -> null, i -> null);
    }

    /** Reports every index below {@code size} that no entry filled (deleted entries). */
    public void expectEntries(long size) {
        flush();
        fillTo(size);
    }

    private void fillTo(long size) {
        while (tree.size() < size) {
            long missing = tree.size();
            unattributed(missing, knownEventId.apply(missing), "ENTRY_MISSING", "no entry at this index (deleted)");
            byte[] known = witness.apply(missing);
            tree.append(known != null ? known : new byte[Sha256.LENGTH]);
        }
    }

    /**
     * Verifies the next entry. Entries are taken in blocks: the per-entry work that needs no other
     * entry (canonical payload, payload hash, leaf hash under the stored link) runs on all cores,
     * then each entry is checked in order exactly as if alone; the precomputed leaf is used only
     * where the stored link equals the recomputed one, i.e. where it is the very same computation.
     * Findings are complete once {@link #expectEntries}, {@link #size} or {@link #finish} returns.
     */
    public void accept(ExportRecord r) {
        accept(r, true);
    }

    /** @param named whether the reader may see this entry: findings on it are described, else only counted */
    public void accept(ExportRecord r, boolean named) {
        pendingHidden.set(pending.size(), !named);
        pending.add(r);
        if (pending.size() >= BLOCK) {
            flush();
        }
    }

    private void flush() {
        int n = pending.size();
        if (n == 0) {
            return;
        }
        Precomputed[] pre = new Precomputed[n];
        IntStream.range(0, n)
                .parallel()
                .forEach(i -> pre[i] = pending.get(i).hashOnly() ? null : Precomputed.of(pending.get(i)));
        try {
            for (int i = 0; i < n; i++) {
                named = !pendingHidden.get(i);
                if (pending.get(i).hashOnly()) {
                    verifyHashOnly(pending.get(i));
                } else {
                    verify(pending.get(i), pre[i]);
                }
            }
        } finally {
            pending.clear();
            pendingHidden.clear();
            named = true;
        }
    }

    /** An entry outside the reader's scope: its leaf goes into the tree as given, the signed roots judge it. */
    private void verifyHashOnly(ExportRecord r) {
        entriesOutsideScope++;
        named = false;
        fillTo(r.logIndex());
        if (r.logIndex() < tree.size()) {
            problem(r.logIndex(), null, "ENTRY_DUPLICATED", "a second entry claims this index");
            return;
        }
        byte[] leafHash = Sha256.unhex(r.leafHash());
        if (leafHash == null || leafHash.length != Sha256.LENGTH) {
            problem(r.logIndex(), null, "ENTRY_CHANGED", "the leaf hash is not a SHA-256 hash");
            leafHash = new byte[Sha256.LENGTH];
        }
        tree.append(leafHash);
        hashOnlyLeaves.add(Sha256.hex(leafHash));
    }

    private void verify(ExportRecord r, Precomputed pre) {
        if (!named) {
            entriesOutsideScope++;
        }
        fillTo(r.logIndex());
        if (r.logIndex() < tree.size()) {
            problem(r.logIndex(), r.eventId(), "ENTRY_DUPLICATED", "a second entry claims this index");
            return;
        }
        long index = r.logIndex();
        byte[] prev = Leaf.NO_PREVIOUS;
        String key = pre != null ? pre.chainKey : r.chainKey();
        if (key != null) {
            long prevIndex = chains.indexOf(key, r.aggregateSequence() - 1);
            prev = prevIndex >= 0 ? tree.leafHash(prevIndex) : linkToHashOnly(r);
        }
        byte[] payloadHash;
        byte[] leafHash;
        boolean payloadOk;
        boolean linkOk;
        boolean leafOk;
        if (pre != null && pre.leafHash != null && Arrays.equals(pre.storedLink, prev)) {
            // the stored link is the recomputed one: the precomputed leaf is exactly this entry's leaf
            payloadHash = pre.payloadHash;
            leafHash = pre.leafHash;
            payloadOk = pre.payloadOk;
            linkOk = pre.linkOk;
            leafOk = pre.leafOk;
        } else {
            byte[] computed = pre != null && pre.payloadHash != null ? pre.payloadHash : payloadHashOf(r.payload());
            payloadHash = computed != null ? computed : NOT_JSON;
            leafHash = r.leaf(payloadHash, prev).hash();
            payloadOk = computed != null && Sha256.hexEquals(payloadHash, r.payloadHash());
            linkOk = Sha256.hexEquals(prev, r.prevLeafHash());
            leafOk = Sha256.hexEquals(leafHash, r.leafHash());
        }
        byte[] expected = witness.apply(index);
        if (!payloadOk) {
            problem(
                    index,
                    r.eventId(),
                    "PAYLOAD_CHANGED",
                    payloadHash == NOT_JSON
                            ? "the payload holds a number JSON cannot (NaN or an infinity)"
                            : "the payload no longer hashes to the stored payload hash");
        } else if (!linkOk) {
            problem(
                    index,
                    r.eventId(),
                    "CHAIN_BROKEN",
                    "the link to sequence " + (r.aggregateSequence() - 1) + " of " + r.aggregateId()
                            + " does not match that entry's recomputed leaf");
        } else if (!leafOk) {
            problem(index, r.eventId(), "ENTRY_CHANGED", "the fields no longer hash to the stored leaf hash");
        } else if (expected != null && !MessageDigest.isEqual(expected, leafHash)) {
            problem(index, r.eventId(), "ENTRY_CHANGED", "the entry differs from the leaf appended at this index");
        }
        tree.append(leafHash);
        if (key != null) {
            chains.record(key, r.source(), r.aggregateId(), r.aggregateSequence(), index, null);
        }
    }

    /**
     * The stored link where it is the leaf of an entry given as hash only (the predecessor lies
     * outside the reader's scope, so it cannot be recomputed; the signed roots still cover it),
     * else none.
     */
    private byte[] linkToHashOnly(ExportRecord r) {
        return r.prevLeafHash() != null && hashOnlyLeaves.contains(r.prevLeafHash())
                ? Sha256.unhex(r.prevLeafHash())
                : Leaf.NO_PREVIOUS;
    }

    /**
     * The payload hash, or null for a payload holding NaN or an infinity: the appender never stores
     * one (it cannot hash it), so only an edit behind the service's back puts it there.
     */
    private static byte[] payloadHashOf(Object payload) {
        try {
            return Leaf.payloadHash(payload);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    /**
     * What one entry yields on its own, computed off the in-order pass: its payload hash, its leaf
     * under the stored link (valid only where that link turns out to be the recomputed one) and
     * the comparisons with the stored hex hashes. Null fields: left to the in-order pass, which
     * then fails at this entry exactly as the sequential code would.
     */
    private static final class Precomputed {
        String chainKey;
        byte[] payloadHash;
        byte[] storedLink;
        byte[] leafHash;
        boolean payloadOk;
        boolean linkOk;
        boolean leafOk;

        static Precomputed of(ExportRecord r) {
            Precomputed pre = new Precomputed();
            try {
                pre.chainKey = r.chainKey();
                pre.payloadHash = Leaf.payloadHash(r.payload());
                pre.payloadOk = Sha256.hexEquals(pre.payloadHash, r.payloadHash());
                byte[] storedLink = Sha256.unhex(r.prevLeafHash());
                if (storedLink != null && storedLink.length == Sha256.LENGTH) {
                    pre.linkOk = Sha256.hexEquals(storedLink, r.prevLeafHash());
                    pre.leafHash = r.leaf(pre.payloadHash, storedLink).hash();
                    pre.leafOk = Sha256.hexEquals(pre.leafHash, r.leafHash());
                    pre.storedLink = storedLink;
                }
            } catch (RuntimeException e) {
                return null;
            }
            return pre;
        }
    }

    /** Checks every checkpoint's signature and root against the recomputed tree and returns the report. */
    public VerificationReport finish(List<Checkpoint> checkpoints, PublicKey key) {
        flush();
        List<Checkpoint> sorted = checkpoints.stream()
                .sorted(Comparator.comparingLong(Checkpoint::treeSize))
                .toList();
        Long lastGood = null;
        for (Checkpoint c : sorted) {
            checkpointsChecked++;
            if (!c.verify(key)) {
                problem(
                        null,
                        null,
                        "CHECKPOINT_SIGNATURE_INVALID",
                        "checkpoint " + c.treeSize() + " is not signed by this key");
            } else if (c.treeSize() > tree.size()) {
                unattributed(
                        tree.size(),
                        knownEventId.apply(tree.size()),
                        "LOG_TRUNCATED",
                        "checkpoint " + c.treeSize() + " is signed but the log holds " + tree.size() + " entries");
            } else if (!Sha256.hex(tree.root(c.treeSize())).equals(c.rootHash())) {
                problem(
                        null,
                        null,
                        "ROOT_MISMATCH",
                        "the recomputed root of the first " + c.treeSize()
                                + " entries differs from the signed one; the change lies after tree size "
                                + (lastGood == null ? 0 : lastGood));
            } else {
                lastGood = c.treeSize();
            }
        }
        verifiedTreeSize = lastGood;
        return new VerificationReport(
                problemCount == 0,
                tree.size(),
                checkpointsChecked,
                verifiedTreeSize,
                problemCount,
                List.copyOf(problems),
                entriesOutsideScope,
                problemsOutsideScope);
    }

    public long size() {
        flush();
        return tree.size();
    }

    /** A finding at an index no entry the reader was given fills: named only where deleted entries may be. */
    private void unattributed(Long index, String eventId, String code, String detail) {
        boolean entry = named;
        named = namesDeleted || eventId == null;
        try {
            problem(index, eventId, code, detail);
        } finally {
            named = entry;
        }
    }

    private void problem(Long index, String eventId, String code, String detail) {
        problemCount++;
        if (!named) {
            problemsOutsideScope++;
        } else if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(index, eventId, code, detail));
        }
    }

    /** One finding; {@code index} and {@code eventId} name the entry when the finding concerns one. */
    public record Problem(Long index, String eventId, String code, String detail) {}
}
