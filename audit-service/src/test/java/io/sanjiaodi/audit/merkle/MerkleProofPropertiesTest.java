package io.sanjiaodi.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Proofs over random tree sizes: valid ones verify, every tampered variant is rejected. */
class MerkleProofPropertiesTest {

    private static final MerkleTree TREE = tree(2_100);

    record Inclusion(long index, long size) {}

    record Consistency(long first, long second) {}

    @Provide
    Arbitrary<Inclusion> inclusions() {
        return Arbitraries.longs()
                .between(1, TREE.size())
                .flatMap(size -> Arbitraries.longs().between(0, size - 1).map(index -> new Inclusion(index, size)));
    }

    @Provide
    Arbitrary<Consistency> consistencies() {
        return Arbitraries.longs()
                .between(1, TREE.size())
                .flatMap(second -> Arbitraries.longs().between(1, second).map(first -> new Consistency(first, second)));
    }

    @Provide
    Arbitrary<int[]> flips() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 63),
                        Arbitraries.integers().between(0, 255))
                .as((element, bit) -> new int[] {element, bit});
    }

    @Property(tries = 300)
    void inclusionProofsVerify(@ForAll("inclusions") Inclusion c) {
        List<byte[]> path = TREE.inclusionProof(c.index(), c.size());
        assertThat(MerkleProofs.verifyInclusion(
                        c.index(), c.size(), TREE.leafHash(c.index()), path, TREE.root(c.size())))
                .isTrue();
    }

    @Property(tries = 300)
    void tamperedInclusionProofsAreRejected(@ForAll("inclusions") Inclusion c, @ForAll("flips") int[] flip) {
        List<byte[]> path = TREE.inclusionProof(c.index(), c.size());
        byte[] leaf = TREE.leafHash(c.index());
        byte[] root = TREE.root(c.size());
        if (!path.isEmpty()) {
            assertThat(MerkleProofs.verifyInclusion(c.index(), c.size(), leaf, flipped(path, flip), root))
                    .as("bit flip")
                    .isFalse();
            assertThat(MerkleProofs.verifyInclusion(c.index(), c.size(), leaf, path.subList(0, path.size() - 1), root))
                    .as("truncated")
                    .isFalse();
        }
        assertThat(MerkleProofs.verifyInclusion(c.index(), c.size(), leaf, padded(path), root))
                .as("padded")
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(c.index(), c.size(), flip(leaf, flip[1]), path, root))
                .as("other leaf")
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(c.index(), c.size(), leaf, path, flip(root, flip[1])))
                .as("other root")
                .isFalse();
        if (c.size() > 1) {
            long other = (c.index() + 1) % c.size();
            assertThat(MerkleProofs.verifyInclusion(other, c.size(), leaf, path, root))
                    .as("wrong index")
                    .isFalse();
        }
        // the size is bound by the signed (size, root) pair: a proof for one checkpoint fails against another
        if (c.size() < TREE.size()) {
            assertThat(MerkleProofs.verifyInclusion(c.index(), c.size() + 1, leaf, path, TREE.root(c.size() + 1)))
                    .as("wrong size")
                    .isFalse();
        }
        assertThat(MerkleProofs.verifyInclusion(c.index(), c.index(), leaf, path, root))
                .as("index beyond size")
                .isFalse();
    }

    @Property(tries = 300)
    void consistencyProofsVerify(@ForAll("consistencies") Consistency c) {
        List<byte[]> proof = TREE.consistencyProof(c.first(), c.second());
        assertThat(MerkleProofs.verifyConsistency(
                        c.first(), c.second(), TREE.root(c.first()), TREE.root(c.second()), proof))
                .isTrue();
    }

    @Property(tries = 300)
    void tamperedConsistencyProofsAreRejected(@ForAll("consistencies") Consistency c, @ForAll("flips") int[] flip) {
        List<byte[]> proof = TREE.consistencyProof(c.first(), c.second());
        byte[] first = TREE.root(c.first());
        byte[] second = TREE.root(c.second());
        if (c.first() == c.second()) {
            assertThat(MerkleProofs.verifyConsistency(c.first(), c.second(), first, second, padded(proof)))
                    .isFalse();
            return;
        }
        assertThat(MerkleProofs.verifyConsistency(c.first(), c.second(), first, second, flipped(proof, flip)))
                .as("bit flip")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(
                        c.first(), c.second(), first, second, proof.subList(0, proof.size() - 1)))
                .as("truncated")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(c.first(), c.second(), first, second, padded(proof)))
                .as("padded")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(c.first(), c.second(), second, first, proof))
                .as("swapped roots")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(c.first(), c.second(), flip(first, flip[1]), second, proof))
                .as("other first root")
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(c.first(), c.second(), first, flip(second, flip[1]), proof))
                .as("other second root")
                .isFalse();
        if (c.second() < TREE.size()) {
            assertThat(MerkleProofs.verifyConsistency(
                            c.first(), c.second() + 1, first, TREE.root(c.second() + 1), proof))
                    .as("wrong size")
                    .isFalse();
        }
    }

    private static MerkleTree tree(int size) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < size; i++) {
            tree.append(Sha256.leafHash(Integer.toString(i).getBytes()));
        }
        return tree;
    }

    private static List<byte[]> flipped(List<byte[]> path, int[] flip) {
        List<byte[]> copy = new ArrayList<>(path);
        int element = flip[0] % copy.size();
        copy.set(element, flip(copy.get(element), flip[1]));
        return copy;
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static List<byte[]> padded(List<byte[]> path) {
        List<byte[]> copy = new ArrayList<>(path);
        copy.add(Sha256.emptyRoot());
        return copy;
    }
}
