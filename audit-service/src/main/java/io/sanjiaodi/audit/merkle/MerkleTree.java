package io.sanjiaodi.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 Merkle tree over an append-only list of leaf hashes, with every complete subtree
 * cached: level l holds the hash of each aligned run of 2^l leaves. Any subtree hash the RFC
 * algorithms need is then at most log(n) cached nodes combined, so roots and proofs for any
 * earlier tree size cost microseconds even at millions of leaves (memory: about 64 bytes a leaf).
 * Thread-safe: appends and reads synchronise on the tree.
 */
public final class MerkleTree {

    private final List<HashStore> levels = new ArrayList<>(List.of(new HashStore()));

    public synchronized long size() {
        return levels.get(0).size();
    }

    /** Appends a leaf hash (already SHA-256(0x00 || leaf)) and returns its index. */
    public synchronized long append(byte[] leafHash) {
        if (leafHash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes");
        }
        long index = levels.get(0).size();
        levels.get(0).add(leafHash);
        byte[] hash = leafHash;
        long position = index;
        for (int level = 0; (position & 1) == 1; level++) {
            // the new node completed a pair: its parent subtree is now complete too
            hash = Sha256.nodeHash(levels.get(level).get(position - 1), hash);
            position >>>= 1;
            if (levels.size() == level + 1) {
                levels.add(new HashStore());
            }
            levels.get(level + 1).add(hash);
        }
        return index;
    }

    public synchronized byte[] leafHash(long index) {
        return levels.get(0).get(index);
    }

    /**
     * The hashes of {@code count} consecutive complete subtrees of 2^height leaves starting with the
     * {@code first}-th, concatenated: what a C2SP tile holds (height 8 per tile level). Every one
     * must be complete in the current tree.
     */
    public synchronized byte[] completeSubtrees(int height, long first, int count) {
        if (height < 0
                || first < 0
                || count < 0
                || height >= levels.size() && count > 0
                || count > 0 && first + count > levels.get(height).size()) {
            throw new IllegalArgumentException("subtrees " + first + "+" + count + " of height " + height
                    + " are not complete in a tree of size " + size());
        }
        byte[] out = new byte[count * Sha256.LENGTH];
        for (int i = 0; i < count; i++) {
            System.arraycopy(levels.get(height).get(first + i), 0, out, i * Sha256.LENGTH, Sha256.LENGTH);
        }
        return out;
    }

    /** MTH(D[0:treeSize]). */
    public synchronized byte[] root(long treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? Sha256.emptyRoot() : subtree(0, treeSize);
    }

    /** PATH(index, D[0:treeSize]) of RFC 9162 section 2.1.3.1. */
    public synchronized List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        long start = 0;
        long end = treeSize;
        List<byte[]> reversed = new ArrayList<>();
        while (end - start > 1) {
            long k = largestPowerOfTwoBelow(end - start);
            if (index < start + k) {
                reversed.add(subtree(start + k, end));
                end = start + k;
            } else {
                reversed.add(subtree(start, start + k));
                start = start + k;
            }
        }
        // the recursion appends on the way out: the innermost sibling comes first
        for (int i = reversed.size() - 1; i >= 0; i--) {
            path.add(reversed.get(i));
        }
        return path;
    }

    /** PROOF(first, D[0:second]) of RFC 9162 section 2.1.4.1; empty when first is 0 or equal to second. */
    public synchronized List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> reversed = new ArrayList<>();
        if (first > 0) {
            long m = first;
            long start = 0;
            long end = second;
            boolean original = true;
            while (m != end - start) {
                long k = largestPowerOfTwoBelow(end - start);
                if (m <= k) {
                    reversed.add(subtree(start + k, end));
                    end = start + k;
                } else {
                    reversed.add(subtree(start, start + k));
                    m -= k;
                    start += k;
                    original = false;
                }
            }
            if (!original) {
                reversed.add(subtree(start, end));
            }
        }
        List<byte[]> proof = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            proof.add(reversed.get(i));
        }
        return proof;
    }

    /** MTH(D[start:end]) where start is aligned the way RFC 9162's splits align it. */
    private byte[] subtree(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return levels.get(Long.numberOfTrailingZeros(n)).get(start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return Sha256.nodeHash(subtree(start, start + k), subtree(start + k, end));
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > levels.get(0).size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " exceeds the log size "
                    + levels.get(0).size());
        }
    }

    /** The largest power of two strictly smaller than n (n >= 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
