package io.sanjiaodi.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers and agreement with the literal RFC transcription. */
class MerkleTreeTest {

    /** The eight leaves of the certificate-transparency test data (merkle_tree_test / RFC 6962 vectors). */
    static final String[] CT_LEAVES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
    };
    /** MTH of the first n of those leaves, n = 0..8 (also recomputed with Python's hashlib when written). */
    static final String[] CT_ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    };

    @Test
    void rootsMatchTheCertificateTransparencyVectors() {
        MerkleTree tree = new MerkleTree();
        assertThat(Sha256.hex(tree.root(0))).isEqualTo(CT_ROOTS[0]);
        for (int n = 1; n <= 8; n++) {
            tree.append(Sha256.leafHash(HexFormat.of().parseHex(CT_LEAVES[n - 1])));
            for (int size = 0; size <= n; size++) {
                assertThat(Sha256.hex(tree.root(size)))
                        .as("root of %d leaves", size)
                        .isEqualTo(CT_ROOTS[size]);
            }
        }
    }

    @Test
    void proofsOfEveryIndexAndSizeUpTo40MatchTheReference() {
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 40; i++) {
            byte[] leaf = Sha256.leafHash(new byte[] {(byte) i, (byte) (i * 7)});
            leaves.add(leaf);
            tree.append(leaf);
        }
        for (int n = 1; n <= 40; n++) {
            List<byte[]> d = leaves.subList(0, n);
            byte[] root = ReferenceMerkle.mth(d);
            assertThat(tree.root(n)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = tree.inclusionProof(m, n);
                assertThat(path)
                        .usingElementComparator(MerkleTreeTest::compare)
                        .containsExactlyElementsOf(ReferenceMerkle.path(m, d));
                assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get(m), path, root))
                        .isTrue();
            }
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(proof)
                        .usingElementComparator(MerkleTreeTest::compare)
                        .containsExactlyElementsOf(ReferenceMerkle.proof(m, d));
                assertThat(MerkleProofs.verifyConsistency(m, n, ReferenceMerkle.mth(leaves.subList(0, m)), root, proof))
                        .isTrue();
            }
        }
    }

    @Test
    void edgeCasesOfConsistency() {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 5; i++) {
            tree.append(Sha256.leafHash(new byte[] {(byte) i}));
        }
        assertThat(tree.consistencyProof(0, 5)).isEmpty();
        assertThat(tree.consistencyProof(5, 5)).isEmpty();
        assertThat(MerkleProofs.verifyConsistency(0, 5, Sha256.emptyRoot(), tree.root(5), List.of()))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(5, 5, tree.root(5), tree.root(5), List.of()))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(5, 5, tree.root(4), tree.root(5), List.of()))
                .isFalse();
    }

    @Test
    void rootsAndProofsAreRefusedForSizesBeyondTheLog() {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 5; i++) {
            tree.append(Sha256.leafHash(new byte[] {(byte) i}));
        }
        assertThatThrownBy(() -> tree.root(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 6))
                .as("a leaf of the log, in a tree the log has not reached")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(5, 5))
                .as("the index equal to the size is outside the tree")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(1, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyThirtyTwoByteLeafHashesAreAppendedAndOnlyStoredOnesRead() {
        MerkleTree tree = new MerkleTree();
        assertThatThrownBy(() -> tree.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        byte[] leaf = Sha256.leafHash(new byte[] {1});
        tree.append(leaf);
        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.leafHash(0)).isEqualTo(leaf);
        assertThatThrownBy(() -> tree.leafHash(1))
                .as("the index equal to the size holds nothing yet")
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> tree.leafHash(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void leafHashesAcrossStorageChunksReadBackAsAppended() {
        MerkleTree tree = new MerkleTree();
        int n = (1 << 15) + 3; // past the first chunk of the hash store
        for (int i = 0; i < n; i++) {
            tree.append(Sha256.leafHash(Integer.toString(i).getBytes()));
        }
        for (int i : new int[] {0, (1 << 15) - 1, 1 << 15, n - 1}) {
            assertThat(tree.leafHash(i))
                    .isEqualTo(Sha256.leafHash(Integer.toString(i).getBytes()));
        }
    }

    static int compare(byte[] a, byte[] b) {
        return Arrays.compare(a, b);
    }
}
