package io.sanjiaodi.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** C2SP tlog-tiles paths and contents. */
class TilesTest {

    @Test
    void tileIndexesAreWrittenInThreeDigitElementsAllButTheLastPrefixedWithX() {
        assertThat(new TilePath(0, 1234067, 256).path()).isEqualTo("0/x001/x234/067");
        assertThat(new TilePath(2, 0, 1).path()).isEqualTo("2/000.p/1");
        assertThat(new TilePath(TilePath.ENTRIES, 1000, 17).path()).isEqualTo("entries/x001/000.p/17");
        for (String path :
                List.of("0/x001/x234/067", "2/000.p/1", "entries/x001/000.p/17", "63/999", "1/x999/999.p/255")) {
            assertThat(TilePath.parse(path).path()).as(path).isEqualTo(path);
        }
        assertThat(TilePath.parse("0/x001/x234/067")).isEqualTo(new TilePath(0, 1234067, 256));
        assertThat(TilePath.parse("entries/005.p/3")).isEqualTo(new TilePath(TilePath.ENTRIES, 5, 3));
    }

    @Test
    void everyNonCanonicalOrOutOfRangePathIsRefused() {
        for (String bad : List.of(
                "",
                "0",
                "0/",
                "0/1",
                "0/0001",
                "00/000",
                "64/000",
                "-1/000",
                "0/x000/001",
                "0/001/002",
                "0/x001",
                "0/000.p/0",
                "0/000.p/256",
                "0/000.p/07",
                "0/000.p/",
                "0/000.p",
                "0/000/",
                "data/000",
                "entries/x1/000",
                "0/x999/x999/x999/x999/x999/x999/x999/999")) {
            assertThatThrownBy(() -> TilePath.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTileNeedsATreeOfItsEndIndex() {
        assertThat(new TilePath(0, 0, 256).requiredTreeSize()).isEqualTo(256);
        assertThat(new TilePath(0, 1, 5).requiredTreeSize()).isEqualTo(261);
        assertThat(new TilePath(1, 0, 1).requiredTreeSize()).isEqualTo(256);
        assertThat(new TilePath(2, 0, 1).requiredTreeSize()).isEqualTo(65536);
        assertThat(new TilePath(63, 0, 1).requiredTreeSize()).isEqualTo(-1);
    }

    @Test
    void tilesAreTheTreesCompleteSubtreeHashesLevelByLevel() {
        MerkleTree tree = new MerkleTree();
        int size = 256 * 3 + 70;
        for (int i = 0; i < size; i++) {
            tree.append(Sha256.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        byte[] full = Tiles.hashTile(tree, size, new TilePath(0, 1, 256));
        List<byte[]> hashes = Tiles.hashes(full);
        assertThat(hashes).hasSize(256);
        for (int i = 0; i < 256; i++) {
            assertThat(hashes.get(i)).isEqualTo(tree.leafHash(256 + i));
        }
        byte[] partial = Tiles.hashTile(tree, size, new TilePath(0, 3, 70));
        assertThat(Tiles.hashes(partial).get(69)).isEqualTo(tree.leafHash(size - 1));
        List<byte[]> level1 = Tiles.hashes(Tiles.hashTile(tree, size, new TilePath(1, 0, 3)));
        for (int i = 0; i < 3; i++) {
            // a level-1 hash is the Merkle tree hash of a full level-0 tile: 256 leaves
            assertThat(level1.get(i)).isEqualTo(ReferenceMerkle.mth(leaves(tree, 256 * i, 256 * (i + 1))));
        }
        assertThat(Arrays.copyOf(partial, 64))
                .isEqualTo(Arrays.copyOf(Tiles.hashTile(tree, size, new TilePath(0, 3, 2)), 64));
        assertThatThrownBy(() -> Tiles.hashTile(tree, size, new TilePath(0, 3, 71)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> Tiles.hashTile(tree, 300, new TilePath(0, 3, 70)))
                .as("beyond the signed size")
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> Tiles.hashTile(tree, size, new TilePath(1, 0, 4)))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void entryBundlesAreUint16LengthPrefixedAndTruncationIsRefused() {
        byte[] bundle = Tiles.bundle(List.of(new byte[] {1, 2, 3}, new byte[0], new byte[300]));
        assertThat(Arrays.copyOf(bundle, 5)).containsExactly(0, 3, 1, 2, 3);
        assertThat(Tiles.entries(bundle)).hasSize(3);
        assertThat(Tiles.entries(bundle).get(2)).hasSize(300);
        assertThatThrownBy(() -> Tiles.entries(Arrays.copyOf(bundle, bundle.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tiles.bundle(List.of(new byte[65536]))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> leaves(MerkleTree tree, int from, int to) {
        return java.util.stream.IntStream.range(from, to)
                .mapToObj(tree::leafHash)
                .toList();
    }
}
