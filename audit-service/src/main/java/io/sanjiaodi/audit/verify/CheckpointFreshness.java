package io.sanjiaodi.audit.verify;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.merkle.MerkleProofs;
import io.sanjiaodi.audit.witness.CosignerKey;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reader's defence against a log that shows an old checkpoint as its current one ({@code
 * OfflineVerifier checkpoint --seen --max-age}): a genuine signature proves only that the log once
 * said this, so a checkpoint is also held to the one the reader verified before (it must not be
 * smaller: REPLAYED; not another root of the same size: FORK; and a larger one must come with the
 * consistency proof from it: UNPROVEN or INCONSISTENT), and to an age (its freshest trusted
 * cosignature, which witnesses renew while the log is quiet, else its own signing time: STALE).
 * Each failure is printed with its code; plain Java, for {@code verifier.jar} too.
 *
 * @param seen   the checkpoint the reader verified before, or null
 * @param proof  the consistency proof from {@code seen} to the checkpoint checked, or null
 * @param maxAge how old its freshest time may be, or null for no age check
 */
record CheckpointFreshness(Checkpoint seen, List<byte[]> proof, Duration maxAge, Instant now) {

    /** True when {@code c} neither goes back on {@code seen} nor is older than {@code maxAge}. */
    boolean check(Checkpoint c, List<CosignerKey> witnesses, PrintStream out) {
        boolean ok = seen == null || againstSeen(c, out);
        return (maxAge == null || fresh(c, witnesses, out)) && ok;
    }

    private boolean againstSeen(Checkpoint c, PrintStream out) {
        long size = c.treeSize();
        long before = seen.treeSize();
        if (size < before) {
            fail(
                    out,
                    "CHECKPOINT_REPLAYED",
                    "tree size " + size + " is smaller than the " + before
                            + " already verified: an old checkpoint shown as current hides what came after it");
            return false;
        }
        if (size == before) {
            if (!c.rootHash().equals(seen.rootHash())) {
                fail(
                        out,
                        "CHECKPOINT_FORK",
                        "tree size " + size + " has another root than the one"
                                + " already verified: the log signed two histories");
                return false;
            }
            out.println("OK   the same checkpoint as the one already verified (tree size " + size + ")");
            return true;
        }
        if (proof == null) {
            fail(
                    out,
                    "CHECKPOINT_UNPROVEN",
                    "tree size " + size + " is larger than the " + before
                            + " already verified, but no consistency proof (--proof) shows that it extends it");
            return false;
        }
        if (!MerkleProofs.verifyConsistency(before, size, seen.root(), c.root(), proof)) {
            fail(
                    out,
                    "CHECKPOINT_INCONSISTENT",
                    "tree size " + size + " does not extend the " + before + " already verified: a fork");
            return false;
        }
        out.println("OK   tree " + size + " extends the tree " + before + " already verified");
        return true;
    }

    private boolean fresh(Checkpoint c, List<CosignerKey> witnesses, PrintStream out) {
        long cosigned = WitnessCheck.newestCosignature(c, witnesses);
        boolean byWitness = cosigned != WitnessCheck.NONE;
        Instant time = byWitness
                ? Instant.ofEpochSecond(cosigned)
                : c.timestamp() != 0 ? Instant.ofEpochMilli(c.timestamp()) : null; // a bare note: 0
        String source = byWitness ? "its freshest trusted cosignature" : "its signing time";
        if (time == null) {
            fail(
                    out,
                    "CHECKPOINT_AGE_UNKNOWN",
                    "a C2SP note carries no time of its own: give --witnesses" + " whose cosignatures date it");
            return false;
        }
        Duration age = Duration.between(time, now);
        if (age.compareTo(maxAge) > 0) {
            fail(
                    out,
                    "CHECKPOINT_STALE",
                    source + " is " + time + ", " + age.toSeconds() + " s before " + now + ", more than --max-age "
                            + maxAge);
            return false;
        }
        out.println("OK   fresh: " + source + " is " + time + ", within " + maxAge + " of " + now);
        return true;
    }

    private static void fail(PrintStream out, String code, String detail) {
        out.println("FAIL " + code + " " + detail);
    }
}
