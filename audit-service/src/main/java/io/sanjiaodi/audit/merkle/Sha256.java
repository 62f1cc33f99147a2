package io.sanjiaodi.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** RFC 9162 hashing: domain-separated leaf and node hashes, so a leaf can never pose as a node. */
public final class Sha256 {

    public static final int LENGTH = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    /** MessageDigest is not thread-safe; one per thread keeps proofs lock-free and allocation-light. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Sha256() {}

    public static byte[] hash(byte[] data) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest.digest(data);
    }

    public static byte[] hash(byte[] data, int offset, int length) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        digest.update(data, offset, length);
        return digest.digest();
    }

    /** SHA-256(0x00 || leaf). */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        digest.update(LEAF_PREFIX);
        return digest.digest(leaf);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** MTH({}) = SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return hash(new byte[0]);
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    /** Whether {@code hex} is exactly {@link #hex}(hash) (lower case), without building that string. */
    public static boolean hexEquals(byte[] hash, String hex) {
        if (hash == null || hex == null) {
            return hash == null && hex == null;
        }
        if (hex.length() != hash.length * 2) {
            return false;
        }
        for (int i = 0; i < hash.length; i++) {
            if (hex.charAt(2 * i) != DIGITS[(hash[i] >> 4) & 0xf] || hex.charAt(2 * i + 1) != DIGITS[hash[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    public static byte[] unhex(String hex) {
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
