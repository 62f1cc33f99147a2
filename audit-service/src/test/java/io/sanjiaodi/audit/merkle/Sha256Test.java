package io.sanjiaodi.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 9162 hashing with known answers (FIPS 180-2 "abc", the rest from Python's hashlib). */
class Sha256Test {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA256_BC = "1e0bbd6c686ba050b8eb03ffeedc64fdc9d80947fce821abbe5d6dc8d252c5ac";
    private static final String LEAF_ABC = "609f6e36d2405585188d5cfd761f407c7cc46a7d3f314c88270469dde315fcd1";
    private static final String NODE_A_B = "8e85fd55f207495e4566faf404cfe7ec0f259f2ca8c6a19ce36040b426819d81";

    @Test
    void hashesMatchIndependentlyComputedDigests() {
        assertThat(Sha256.hex(Sha256.hash(ABC))).isEqualTo(SHA256_ABC);
        assertThat(Sha256.hex(Sha256.hash("xabcx".getBytes(StandardCharsets.US_ASCII), 2, 2)))
                .as("a slice of an array")
                .isEqualTo(SHA256_BC);
        assertThat(Sha256.hex(Sha256.leafHash(ABC))).as("SHA-256(0x00 || leaf)").isEqualTo(LEAF_ABC);
        assertThat(Sha256.hex(Sha256.nodeHash(filled('a'), filled('b'))))
                .as("SHA-256(0x01 || left || right)")
                .isEqualTo(NODE_A_B);
        assertThat(Sha256.hex(Sha256.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    /** The digest is reused per thread: a hash that failed half-way must not leak its bytes into the next. */
    @Test
    void aHashThatFailedHalfWayDoesNotPolluteTheNextOne() {
        assertThat(Sha256.hex(Sha256.hash(ABC))).isEqualTo(SHA256_ABC);
        failHalfWay();
        assertThat(Sha256.hex(Sha256.hash(ABC))).isEqualTo(SHA256_ABC);
        failHalfWay();
        assertThat(Sha256.hex(Sha256.hash("xabcx".getBytes(StandardCharsets.US_ASCII), 2, 2)))
                .isEqualTo(SHA256_BC);
        failHalfWay();
        assertThat(Sha256.hex(Sha256.leafHash(ABC))).isEqualTo(LEAF_ABC);
        failHalfWay();
        assertThat(Sha256.hex(Sha256.nodeHash(filled('a'), filled('b')))).isEqualTo(NODE_A_B);
    }

    @Test
    void hexEqualsAcceptsExactlyTheLowerCaseHexOfTheHash() {
        byte[] hash = Sha256.hash(ABC);
        assertThat(Sha256.hexEquals(hash, SHA256_ABC)).isTrue();
        assertThat(Sha256.hexEquals(null, null)).as("both absent").isTrue();
        assertThat(Sha256.hexEquals(hash, null)).as("hex absent").isFalse();
        assertThat(Sha256.hexEquals(null, SHA256_ABC)).as("hash absent").isFalse();
        assertThat(Sha256.hexEquals(hash, SHA256_ABC.substring(2)))
                .as("too short")
                .isFalse();
        assertThat(Sha256.hexEquals(hash, SHA256_ABC + "00")).as("too long").isFalse();
        assertThat(Sha256.hexEquals(hash, SHA256_ABC.toUpperCase()))
                .as("upper case")
                .isFalse();
        assertThat(Sha256.hexEquals(hash, "c" + SHA256_ABC.substring(1)))
                .as("a high nibble differs")
                .isFalse();
        assertThat(Sha256.hexEquals(hash, SHA256_ABC.substring(0, 63) + "c"))
                .as("a low nibble differs")
                .isFalse();
    }

    @Test
    void hexAndUnhexPassAbsentValuesThrough() {
        assertThat(Sha256.hex(null)).isNull();
        assertThat(Sha256.unhex(null)).isNull();
        assertThat(Sha256.unhex(SHA256_ABC)).isEqualTo(Sha256.hash(ABC));
    }

    private static void failHalfWay() {
        // the left half is fed to the shared digest before the missing right half fails
        assertThatThrownBy(() -> Sha256.nodeHash(filled('z'), null)).isInstanceOf(NullPointerException.class);
    }

    private static byte[] filled(char c) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
