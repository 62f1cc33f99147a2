package io.sanjiaodi.audit.verify;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.merkle.TilePath;
import io.sanjiaodi.audit.merkle.Tiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the tree of a verified checkpoint from a directory of C2SP tiles ({@code tile/...}, as
 * served below {@code /api/audit/log}): the level-0 tiles give the leaves, every higher-level tile
 * present must equal the subtrees they form, the root must be the checkpoint's, and each entry
 * bundle present must hash to its leaves. Plain Java, for the offline verifier.
 */
final class TileVerification {

    private TileVerification() {}

    static boolean verify(Checkpoint checkpoint, Path dir, PrintStream out) throws IOException {
        long size = checkpoint.treeSize();
        MerkleTree tree = new MerkleTree();
        boolean ok = true;
        for (TilePath tile : tiles(0, size)) {
            byte[] data = read(dir, tile);
            if (data == null || data.length != tile.width() * Sha256.LENGTH) {
                out.println("FAIL tile " + tile.path() + " is missing or not " + tile.width() + " hashes");
                return false;
            }
            Tiles.hashes(data).forEach(tree::append);
        }
        boolean rootOk = MessageDigest.isEqual(tree.root(size), checkpoint.root());
        out.println((rootOk ? "OK   " : "FAIL ") + "root of the " + size + " leaf hashes in the level-0 tiles"
                + (rootOk ? " equals" : " differs from") + " the checkpoint's");
        ok &= rootOk;
        int upper = 0;
        boolean upperOk = true;
        for (int level = 1; size >> (TilePath.HEIGHT * level) > 0; level++) {
            for (TilePath tile : tiles(level, size)) {
                byte[] data = read(dir, tile);
                if (data == null) {
                    continue; // the root does not need them; a client that fetches them checks them like this
                }
                boolean same = MessageDigest.isEqual(data, Tiles.hashTile(tree, size, tile));
                if (!same) {
                    out.println("FAIL tile " + tile.path() + " is not the hashes of the tiles below it");
                }
                upperOk &= same;
                upper++;
            }
        }
        out.println((upperOk ? "OK   " : "FAIL ") + upper + " tile(s) above level 0 checked against the level-0 tiles");
        int entries = 0;
        boolean entriesOk = true;
        for (TilePath t : tiles(0, size)) {
            TilePath bundle = new TilePath(TilePath.ENTRIES, t.index(), t.width());
            byte[] data = read(dir, bundle);
            if (data == null) {
                continue;
            }
            List<byte[]> leaves;
            try {
                leaves = Tiles.entries(data);
            } catch (IllegalArgumentException e) {
                leaves = List.of();
            }
            boolean same = leaves.size() == t.width();
            for (int i = 0; same && i < leaves.size(); i++) {
                long index = t.index() * TilePath.FULL + i;
                same = MessageDigest.isEqual(Sha256.leafHash(leaves.get(i)), tree.leafHash(index));
            }
            if (!same) {
                out.println("FAIL entry bundle " + bundle.path() + " does not hash to the leaves of its tile");
            }
            entriesOk &= same;
            entries += leaves.size();
        }
        out.println(
                (entriesOk ? "OK   " : "FAIL ") + entries + " entries from entry bundles checked against the leaves");
        return ok && upperOk && entriesOk;
    }

    /** The tiles of one level a tree of {@code size} has: full ones, then the partial one if any. */
    private static List<TilePath> tiles(int level, long size) {
        long hashes = size >> (TilePath.HEIGHT * level);
        List<TilePath> out = new ArrayList<>();
        for (long n = 0; n < hashes / TilePath.FULL; n++) {
            out.add(new TilePath(level, n, TilePath.FULL));
        }
        if (hashes % TilePath.FULL > 0) {
            out.add(new TilePath(level, hashes / TilePath.FULL, (int) (hashes % TilePath.FULL)));
        }
        return out;
    }

    private static byte[] read(Path dir, TilePath tile) throws IOException {
        Path file = dir.resolve("tile/" + tile.path());
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }
}
