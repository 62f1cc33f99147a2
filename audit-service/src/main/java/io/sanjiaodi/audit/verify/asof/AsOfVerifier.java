package io.sanjiaodi.audit.verify.asof;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.leaf.Leaf;
import io.sanjiaodi.audit.merkle.MerkleProofs;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.verify.ExportRecord;
import io.sanjiaodi.audit.verify.asof.AsOfProof.ProvenEntry;
import io.sanjiaodi.audit.verify.asof.AsOfProof.Successor;
import java.io.PrintStream;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks an {@link AsOfProof} with nothing but the log's public key: the checkpoint's signature,
 * every event's leaf recomputed and included, the events one unbroken chain from sequence 0, the
 * next sequence number after the checkpoint (or the latest checkpoint extending it), and the
 * event counts of the summary recomputed. The argument is in audit-service/README.md.
 */
public final class AsOfVerifier {

    private AsOfVerifier() {}

    public static List<Finding> verify(AsOfProof proof, PublicKey key) {
        List<Finding> out = new ArrayList<>();
        Checkpoint c = proof.checkpoint();
        if (c == null) {
            out.add(Finding.fail("CHECKPOINT_MISSING", proof.aggregateId(), "the proof names no checkpoint"));
            return out;
        }
        out.add(signature(c, key, "as-of checkpoint"));
        List<ProvenEntry> events = proof.events() == null ? List.of() : proof.events();
        byte[] previous = Leaf.NO_PREVIOUS;
        for (int i = 0; i < events.size(); i++) {
            ExportRecord e = events.get(i).entry();
            String name = name(e);
            byte[] leaf = leafOf(e, name, out);
            if (!Objects.equals(e.aggregateId(), proof.aggregateId())) {
                out.add(Finding.fail("EVENT_OTHER_AGGREGATE", name, "belongs to " + e.aggregateId()));
            }
            if (e.aggregateSequence() == null || e.aggregateSequence() != i) {
                out.add(Finding.fail(
                        "CHAIN_GAP",
                        name,
                        "has sequence " + e.aggregateSequence() + " where sequence " + i
                                + " must follow; an event is missing or out of place"));
            } else if (!Arrays.equals(unhex(e.prevLeafHash()), previous)) {
                out.add(Finding.fail(
                        "CHAIN_BROKEN", name, "does not link to the leaf of sequence " + (i - 1) + " given before it"));
            }
            if (e.logIndex() >= c.treeSize()) {
                out.add(Finding.fail(
                        "EVENT_AFTER_CHECKPOINT",
                        name,
                        "log index " + e.logIndex() + " is beyond tree size " + c.treeSize()));
            } else {
                out.add(included(events.get(i), leaf, c, name, "EVENT_NOT_INCLUDED"));
            }
            previous = leaf;
        }
        out.add(Finding.ok(
                "CHAIN", proof.aggregateId(), events.size() + " events checked as one chain from sequence 0"));
        if (proof.successor() != null) {
            successor(proof.successor(), c, events.size(), previous, key, out);
        } else {
            latest(proof, c, events.size(), key, out);
        }
        summary(proof, events, out);
        return out;
    }

    /** Verifies and prints every check, failures last again with their codes; true if nothing failed. */
    public static boolean check(AsOfProof proof, PublicKey key, PrintStream out) {
        List<Finding> findings = verify(proof, key);
        findings.forEach(f -> out.println(f.line()));
        findings.stream().filter(f -> !f.ok()).forEach(f -> out.println("FAILED " + f.code() + " " + f.subject()));
        return ok(findings);
    }

    public static boolean ok(List<Finding> findings) {
        return findings.stream().allMatch(Finding::ok);
    }

    private static void successor(Successor s, Checkpoint c, long next, byte[] last, PublicKey key, List<Finding> out) {
        ExportRecord e = s.entry().entry();
        String name = "successor " + name(e);
        byte[] leaf = leafOf(e, name, out);
        if (e.aggregateSequence() == null || e.aggregateSequence() != next) {
            out.add(Finding.fail(
                    "SUCCESSOR_WRONG_SEQUENCE",
                    name,
                    "has sequence " + e.aggregateSequence() + ", not the next one " + next));
        }
        if (!Arrays.equals(unhex(e.prevLeafHash()), last)) {
            out.add(Finding.fail("SUCCESSOR_NOT_LINKED", name, "does not link to the last event of the proof"));
        }
        if (e.logIndex() < c.treeSize()) {
            out.add(Finding.fail(
                    "SUCCESSOR_PRECEDES_CHECKPOINT",
                    name,
                    "sits at log index " + e.logIndex() + ", inside the checkpoint of size " + c.treeSize()
                            + ": the state omits it"));
        }
        Checkpoint later = s.checkpoint();
        if (later == null) {
            out.add(Finding.fail("SUCCESSOR_CHECKPOINT_MISSING", name, "no checkpoint given for it"));
            return;
        }
        out.add(signature(later, key, "successor's checkpoint"));
        if (e.logIndex() < later.treeSize()) {
            out.add(included(s.entry(), leaf, later, name, "SUCCESSOR_NOT_INCLUDED"));
        } else {
            out.add(Finding.fail("SUCCESSOR_NOT_INCLUDED", name, "beyond its checkpoint's tree size"));
        }
        out.add(consistency(c, later, s.consistency()));
    }

    private static void latest(AsOfProof proof, Checkpoint c, long next, PublicKey key, List<Finding> out) {
        Checkpoint latest = proof.latest();
        if (latest == null) {
            out.add(Finding.fail(
                    "SUCCESSOR_OR_LATEST_MISSING",
                    proof.aggregateId(),
                    "neither a next event nor the latest checkpoint is given"));
            return;
        }
        out.add(signature(latest, key, "latest checkpoint"));
        out.add(consistency(c, latest, proof.latestConsistency()));
        out.add(Finding.note(
                "NO_SUCCESSOR_STATED",
                proof.aggregateId(),
                "the log states that its latest checkpoint (tree size " + latest.treeSize() + ") holds no event of"
                        + " sequence " + next + "; that is the log's word, not proven here (re-verify the export"
                        + " of that checkpoint to prove it)"));
    }

    /** Recomputes what the summary says about the event list; the interview and ledger folds are not recomputed. */
    private static void summary(AsOfProof proof, List<ProvenEntry> events, List<Finding> out) {
        if (!(proof.summary() instanceof Map<?, ?> summary)) {
            out.add(Finding.note("SUMMARY_ABSENT", proof.aggregateId(), "no summary to compare"));
            return;
        }
        Map<String, Integer> types = new TreeMap<>();
        events.forEach(p -> {
            if (p.entry().type() != null) {
                types.merge(p.entry().type(), 1, Integer::sum);
            }
        });
        ExportRecord last =
                events.isEmpty() ? null : events.get(events.size() - 1).entry();
        List<String> wrong = new ArrayList<>();
        compare(wrong, "events", summary.get("events"), events.size());
        compare(wrong, "lastSequence", summary.get("lastSequence"), last == null ? null : last.aggregateSequence());
        if (last != null && last.type() != null) {
            compare(wrong, "lastEventType", summary.get("lastEventType"), last.type());
        }
        if (events.stream().noneMatch(p -> p.entry().hashOnly())) {
            compare(wrong, "eventTypes", summary.get("eventTypes"), types);
        }
        out.add(
                wrong.isEmpty()
                        ? Finding.ok(
                                "SUMMARY",
                                proof.aggregateId(),
                                "event count, last sequence, last type and type"
                                        + " counts recomputed from the events (status fields are the service's fold)")
                        : Finding.fail(
                                "SUMMARY_MISMATCH",
                                proof.aggregateId(),
                                "the summary's " + wrong + " do not match the events"));
    }

    private static void compare(List<String> wrong, String field, Object claimed, Object actual) {
        String a = actual == null ? null : actual.toString();
        String b = claimed == null ? null : claimed.toString();
        if (!Objects.equals(a, b)) {
            wrong.add(field);
        }
    }

    /**
     * The entry's leaf hash: the one given, after checking that the fields and payload recompute
     * it (where the reader has them). A mismatch is reported here once; the given hash then carries
     * on into the chain and inclusion checks, so that one changed event is named as itself only.
     */
    private static byte[] leafOf(ExportRecord e, String name, List<Finding> out) {
        byte[] given = unhex(e.leafHash());
        if (e.hashOnly()) {
            out.add(Finding.note(
                    "EVENT_WITHHELD", name, "payload withheld from this reader; leaf hash taken as given"));
        } else if (!Arrays.equals(e.recomputedLeafHash(), given)) {
            out.add(Finding.fail(
                    "EVENT_TAMPERED", name, "its fields and payload no longer hash to its leaf hash " + e.leafHash()));
        }
        return given;
    }

    private static Finding included(ProvenEntry p, byte[] leaf, Checkpoint c, String name, String code) {
        List<byte[]> path = p.auditPath() == null
                ? List.of()
                : p.auditPath().stream().map(Sha256::unhex).toList();
        boolean ok = MerkleProofs.verifyInclusion(p.entry().logIndex(), c.treeSize(), leaf, path, c.root());
        String detail = "leaf " + p.entry().logIndex() + " in the tree of size " + c.treeSize();
        return ok ? Finding.ok("INCLUDED", name, detail) : Finding.fail(code, name, detail);
    }

    private static Finding consistency(Checkpoint first, Checkpoint second, List<String> proof) {
        String detail = "tree " + second.treeSize() + " extends tree " + first.treeSize();
        boolean ok = second.treeSize() >= first.treeSize()
                && MerkleProofs.verifyConsistency(
                        first.treeSize(),
                        second.treeSize(),
                        first.root(),
                        second.root(),
                        proof == null
                                ? List.of()
                                : proof.stream().map(Sha256::unhex).toList());
        return ok
                ? Finding.ok("CONSISTENT", "checkpoints", detail)
                : Finding.fail("INCONSISTENT", "checkpoints", detail);
    }

    static Finding signature(Checkpoint c, PublicKey key, String what) {
        String detail = what + " of tree size " + c.treeSize() + ", root " + c.rootHash();
        return c.verify(key)
                ? Finding.ok("CHECKPOINT_SIGNED", "checkpoint " + c.treeSize(), detail)
                : Finding.fail("CHECKPOINT_SIGNATURE", "checkpoint " + c.treeSize(), detail + ": signature invalid");
    }

    /** A missing or malformed hash compares unequal to every real one instead of throwing. */
    private static byte[] unhex(String hex) {
        try {
            return hex == null ? new byte[0] : Sha256.unhex(hex);
        } catch (RuntimeException malformed) {
            return new byte[0];
        }
    }

    static String name(ExportRecord e) {
        return "event " + (e.eventId() == null ? "#" + e.logIndex() : e.eventId()) + " (index " + e.logIndex()
                + ", sequence " + e.aggregateSequence() + ")";
    }
}
