package io.sanjiaodi.audit.merkle;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * C2SP tlog-tiles contents (plain Java, shared with the offline verifier). The n-th tile at level
 * l holds MTH(D[(n*256+i)*256^l : (n*256+i+1)*256^l]) for i below its width: exactly the complete
 * subtrees of height 8*l that {@link MerkleTree} caches, so a tile is a copy, never a computation.
 */
public final class Tiles {

    /** Entry bundles prefix each entry with a big-endian uint16 length. */
    public static final int MAX_ENTRY_BYTES = 0xFFFF;

    private Tiles() {}

    /** The hash tile as it exists in the tree of {@code treeSize}; NoSuchElementException if it does not (yet). */
    public static byte[] hashTile(MerkleTree tree, long treeSize, TilePath tile) {
        if (tile.entries()) {
            throw new IllegalArgumentException("an entry bundle is not a hash tile");
        }
        long required = tile.requiredTreeSize();
        if (required < 0 || required > treeSize || treeSize > tree.size()) {
            throw new NoSuchElementException(
                    "tile " + tile.path() + " needs a tree of " + required + " entries; the log has " + treeSize);
        }
        return tree.completeSubtrees(TilePath.HEIGHT * tile.level(), tile.index() * TilePath.FULL, tile.width());
    }

    /** The 32-byte hashes of a tile, or IllegalArgumentException if its length is not a multiple of 32. */
    public static List<byte[]> hashes(byte[] tile) {
        if (tile.length == 0 || tile.length % Sha256.LENGTH != 0 || tile.length > TilePath.FULL * Sha256.LENGTH) {
            throw new IllegalArgumentException("a tile holds 1 to 256 hashes of 32 bytes");
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < tile.length; i += Sha256.LENGTH) {
            out.add(java.util.Arrays.copyOfRange(tile, i, i + Sha256.LENGTH));
        }
        return out;
    }

    /** Length-prefixed concatenation of the entries' leaf data. */
    public static byte[] bundle(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("an entry of " + entry.length + " bytes exceeds the uint16 prefix");
            }
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }

    /** The entries of a bundle, or IllegalArgumentException if a length runs past its end. */
    public static List<byte[]> entries(byte[] bundle) {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (at + 2 > bundle.length) {
                throw new IllegalArgumentException("truncated entry length at byte " + at);
            }
            int length = (bundle[at] & 0xFF) << 8 | bundle[at + 1] & 0xFF;
            at += 2;
            if (at + length > bundle.length) {
                throw new IllegalArgumentException("truncated entry at byte " + at);
            }
            out.add(java.util.Arrays.copyOfRange(bundle, at, at + length));
            at += length;
        }
        return out;
    }
}
