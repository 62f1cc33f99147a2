package io.sanjiaodi.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers for proof verification over the eight certificate-transparency leaves of
 * {@link MerkleTreeTest}. Every expected hash and proof here was computed with Python's hashlib
 * from a literal transcription of RFC 9162 section 2.1, not with the code under test.
 */
class MerkleProofsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** SHA-256(0x00 || leaf) of the CT leaves. */
    private static final byte[] LEAF0 = hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");

    private static final byte[] LEAF2 = hex("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7");
    private static final byte[] LEAF4 = hex("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    private static final byte[] ROOT4 = hex("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    private static final byte[] ROOT5 = hex("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4");
    private static final byte[] ROOT7 = hex("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c");
    private static final byte[] ROOT3 = hex("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77");
    private static final byte[] ROOT8 = hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** PATH(0, D[0:4]). */
    private static final List<byte[]> PATH_0_OF_4 = hexes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e");
    /** PATH(0, D[0:5]): PATH(0, D[0:4]) and the hash of leaf 4. */
    private static final List<byte[]> PATH_0_OF_5 = hexes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    /** PATH(2, D[0:7]). */
    private static final List<byte[]> PATH_2_OF_7 = hexes(
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e");
    /** PROOF(3, D[0:7]). */
    private static final List<byte[]> PROOF_3_TO_7 = hexes(
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e");
    /** PROOF(4, D[0:8]): a power-of-two first tree, whose root seeds the verification. */
    private static final List<byte[]> PROOF_4_TO_8 =
            hexes("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");

    @Test
    void inclusionProofsComputedIndependentlyFromTheRfcVerify() {
        assertThat(MerkleProofs.rootFromInclusionProof(0, 5, LEAF0, PATH_0_OF_5))
                .isEqualTo(ROOT5);
        assertThat(MerkleProofs.verifyInclusion(0, 5, LEAF0, PATH_0_OF_5, ROOT5))
                .isTrue();
        assertThat(MerkleProofs.verifyInclusion(2, 7, LEAF2, PATH_2_OF_7, ROOT7))
                .isTrue();
        assertThat(MerkleProofs.verifyInclusion(4, 5, LEAF4, List.of(ROOT4), ROOT5))
                .as("the last leaf of an unbalanced tree")
                .isTrue();
        assertThat(MerkleProofs.verifyInclusion(0, 1, LEAF0, List.of(), LEAF0))
                .as("a one-leaf tree's root is its leaf")
                .isTrue();
    }

    /**
     * The path of leaf 0 in the 4-leaf tree, claimed for a 5-leaf tree whose signed root were the
     * 4-leaf root: the hashing reproduces that root, but the path ends before it has climbed to the
     * top of a 5-leaf tree. Only the final tree-size binding (every level of the claimed size
     * consumed) rejects it.
     */
    @Test
    void anInclusionProofIsBoundToItsTreeSizeAPathThatStopsBelowTheClaimedRootIsRejected() {
        assertThat(MerkleProofs.verifyInclusion(0, 4, LEAF0, PATH_0_OF_4, ROOT4))
                .isTrue();
        assertThat(MerkleProofs.rootFromInclusionProof(0, 5, LEAF0, PATH_0_OF_4))
                .as("a path too short for the claimed size implies no root")
                .isNull();
        assertThat(MerkleProofs.verifyInclusion(0, 5, LEAF0, PATH_0_OF_4, ROOT4))
                .as("the 4-leaf proof presented for size 5")
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(0, 8, LEAF0, PATH_0_OF_4, ROOT4))
                .as("the 4-leaf proof presented for size 8")
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(0, 2, LEAF0, List.of(), LEAF0))
                .as("an empty path claimed for a two-leaf tree")
                .isFalse();
    }

    @Test
    void malformedInclusionInputsYieldNoRootRatherThanAnException() {
        assertThat(MerkleProofs.rootFromInclusionProof(-1, 5, LEAF0, PATH_0_OF_5))
                .isNull();
        assertThat(MerkleProofs.rootFromInclusionProof(5, 5, LEAF4, PATH_0_OF_5))
                .isNull();
        assertThat(MerkleProofs.rootFromInclusionProof(0, 5, null, PATH_0_OF_5)).isNull();
        assertThat(MerkleProofs.rootFromInclusionProof(0, 5, Arrays.copyOf(LEAF0, 31), PATH_0_OF_5))
                .isNull();
        assertThat(MerkleProofs.rootFromInclusionProof(0, 5, LEAF0, Arrays.asList(PATH_0_OF_5.get(0), null, LEAF4)))
                .isNull();
        assertThat(MerkleProofs.rootFromInclusionProof(
                        0, 5, LEAF0, List.of(PATH_0_OF_5.get(0), Arrays.copyOf(PATH_0_OF_5.get(1), 33), LEAF4)))
                .isNull();
        assertThat(MerkleProofs.verifyInclusion(0, 5, LEAF0, PATH_0_OF_5, null)).isFalse();
    }

    @Test
    void consistencyProofsComputedIndependentlyFromTheRfcVerify() {
        assertThat(MerkleProofs.verifyConsistency(3, 7, ROOT3, ROOT7, PROOF_3_TO_7))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(4, 8, ROOT4, ROOT8, PROOF_4_TO_8))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(4, 8, ROOT4, ROOT7, PROOF_4_TO_8))
                .isFalse();
    }

    @Test
    void malformedConsistencyInputsAreRejectedRatherThanThrown() {
        assertThat(MerkleProofs.verifyConsistency(-1, 7, ROOT3, ROOT7, PROOF_3_TO_7))
                .as("negative first size")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(7, 3, ROOT7, ROOT3, PROOF_3_TO_7))
                .as("a second tree smaller than the first")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, null, ROOT7, PROOF_3_TO_7))
                .as("no first root")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, ROOT3, null, PROOF_3_TO_7))
                .as("no second root")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, ROOT3, ROOT7, List.of()))
                .as("an empty proof between different sizes")
                .isFalse();
        List<byte[]> withNull = Arrays.asList(PROOF_3_TO_7.get(0), PROOF_3_TO_7.get(1), null, PROOF_3_TO_7.get(3));
        assertThat(MerkleProofs.verifyConsistency(3, 7, ROOT3, ROOT7, withNull))
                .as("a missing proof node")
                .isFalse();
        List<byte[]> shortNode = List.of(
                PROOF_3_TO_7.get(0), PROOF_3_TO_7.get(1), PROOF_3_TO_7.get(2), Arrays.copyOf(PROOF_3_TO_7.get(3), 31));
        assertThat(MerkleProofs.verifyConsistency(3, 7, ROOT3, ROOT7, shortNode))
                .as("a proof node of 31 bytes")
                .isFalse();
    }

    @Test
    void onlyTheEmptyTreeRootIsConsistentWithEveryTreeAndOnlyWithAnEmptyProof() {
        byte[] empty = hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(MerkleProofs.verifyConsistency(0, 7, empty, ROOT7, List.of()))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(0, 7, ROOT3, ROOT7, List.of()))
                .as("a non-empty root claimed for size 0")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 7, empty, ROOT7, List.of(ROOT3)))
                .as("a proof where none is due")
                .isFalse();
    }

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }

    private static List<byte[]> hexes(String... hexes) {
        return Arrays.stream(hexes).map(MerkleProofsTest::hex).toList();
    }
}
