package io.sanjiaodi.witness;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of an RFC 9162 (section 2.1.4.2) consistency proof, written for the witness and
 * independent of the log's Merkle code: a witness that shared the log's verifier would share its bugs.
 */
final class Consistency {

    private Consistency() {}

    /** True iff {@code proof} shows that the tree {@code (newSize, newRoot)} extends {@code (oldSize, oldRoot)}. */
    static boolean verify(long oldSize, byte[] oldRoot, long newSize, byte[] newRoot, List<byte[]> proof) {
        if (oldSize <= 0 || newSize <= oldSize || proof.isEmpty()) {
            return false; // the empty-old and same-size cases are the caller's, and need no proof
        }
        for (byte[] hash : proof) {
            if (hash.length != Hashes.LENGTH) {
                return false;
            }
        }
        int start = 0;
        byte[] seed;
        if (Long.bitCount(oldSize) == 1) {
            seed = oldRoot; // the old tree is a complete subtree: its root is the proof's implicit first node
        } else {
            seed = proof.get(0);
            start = 1;
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = seed;
        byte[] sr = seed;
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return false; // more proof than tree
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.node(c, fr);
                sr = Hashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = Hashes.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }
}
