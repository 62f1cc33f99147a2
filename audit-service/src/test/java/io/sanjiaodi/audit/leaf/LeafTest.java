package io.sanjiaodi.audit.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.merkle.Sha256;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The leaf encoding of the README, pinned by a vector computed independently (Python hashlib and struct). */
class LeafTest {

    @Test
    void theReadmeVectorHolds() {
        Document payload = Document.parse("{\"place\":\"谈话室\",\"interviewId\":\"iv-1\"}");
        byte[] payloadHash = Leaf.payloadHash(payload);
        assertThat(Sha256.hex(payloadHash))
                .isEqualTo("9c40115d842ac3317c0ac646ca580b64939f4a7f4d6432c60f64b8805779d8b3");
        Leaf leaf = new Leaf(
                "e-1",
                "InterviewConducted",
                "/sanjiaodi/interview-service",
                "iv-1",
                3L,
                1542272400000L,
                1542272401234L,
                null,
                payloadHash,
                null);
        assertThat(Sha256.hex(leaf.encode()))
                .isEqualTo("010100000003652d310100000012496e74657276696577436f6e647563746564"
                        + "010000001c2f73616e6a69616f64692f696e746572766965772d73657276696365010000000469762d3101000000000000"
                        + "0003010000016716993a80010000016716993f52009c40115d842ac3317c0ac646ca580b64939f4a7f4d6432c60f64b880"
                        + "5779d8b30000000000000000000000000000000000000000000000000000000000000000");
        assertThat(Sha256.hex(leaf.hash()))
                .isEqualTo("ab18c29ba006a12b30e0da1e3c10d2c02192ae0a8b08e2587bd95a7f4d595a0b");
    }

    @Test
    void everyFieldChangesTheHash() {
        byte[] p = new byte[32];
        Leaf base = new Leaf("e", "t", "s", "a", 1L, 2L, 3L, "actor", p, null);
        assertThat(base.hash()).isNotEqualTo(new Leaf("e", "t", "s", "a", 1L, 2L, 3L, null, p, null).hash());
        assertThat(base.hash()).isNotEqualTo(new Leaf("e", "t", "s", "a", null, 2L, 3L, "actor", p, null).hash());
        assertThat(base.hash()).isNotEqualTo(new Leaf("e", "t", "s", "a", 1L, 2L, 4L, "actor", p, null).hash());
        byte[] prev = new byte[32];
        prev[31] = 1;
        assertThat(base.hash()).isNotEqualTo(new Leaf("e", "t", "s", "a", 1L, 2L, 3L, "actor", p, prev).hash());
        // length prefixes: moving a character between adjacent fields is a different leaf
        assertThat(new Leaf("ab", "c", "s", "a", 1L, 2L, 3L, null, p, null).hash())
                .isNotEqualTo(new Leaf("a", "bc", "s", "a", 1L, 2L, 3L, null, p, null).hash());
    }
}
