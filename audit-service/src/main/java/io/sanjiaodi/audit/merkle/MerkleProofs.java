package io.sanjiaodi.audit.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of RFC 9162 proofs (sections 2.1.3.2 and 2.1.4.2), written so that a verifier
 * trusting nothing but a signed root can run it: plain Java, no state, every malformed input
 * (wrong size, too short or too long a path, a flipped bit) yields {@code false}, never an exception.
 */
public final class MerkleProofs {

    private MerkleProofs() {}

    /** The root an inclusion proof implies, or null if the path cannot belong to such a tree. */
    public static byte[] rootFromInclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> path) {
        if (index < 0 || index >= treeSize || leafHash == null || leafHash.length != Sha256.LENGTH) {
            return null;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0 || p == null || p.length != Sha256.LENGTH) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Sha256.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = Sha256.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        byte[] computed = rootFromInclusionProof(index, treeSize, leafHash, path);
        return computed != null && root != null && MessageDigest.isEqual(computed, root);
    }

    /** True iff the tree of size {@code second} with root {@code secondRoot} extends the one of size {@code first}. */
    public static boolean verifyConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || second < first || firstRoot == null || secondRoot == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            // every tree extends the empty tree, whose root is fixed
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, Sha256.emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        for (byte[] c : proof) {
            if (c == null || c.length != Sha256.LENGTH) {
                return false;
            }
        }
        boolean firstIsPowerOfTwo = Long.bitCount(first) == 1;
        int next = firstIsPowerOfTwo ? 0 : 1;
        byte[] seed = firstIsPowerOfTwo ? firstRoot : proof.get(0);
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = seed;
        byte[] sr = seed;
        for (int i = next; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Sha256.nodeHash(c, fr);
                sr = Sha256.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = Sha256.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }
}
