package io.sanjiaodi.witness;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 and the RFC 9162 node hashing the consistency check needs; the witness's own, not the log's. */
final class Hashes {

    static final int LENGTH = 32;

    private Hashes() {}

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** RFC 9162 section 2.1.1: an interior node is SHA-256(0x01 || left || right). */
    static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    /** The root of the empty tree: SHA-256 of the empty string. */
    static byte[] emptyRoot() {
        return sha256();
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }
}
