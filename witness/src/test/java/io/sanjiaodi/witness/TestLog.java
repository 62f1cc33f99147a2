package io.sanjiaodi.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A log for the tests, written from RFC 9162's recursive definitions (MTH, SUBPROOF) rather than the
 * witness's iterative check, so the two cannot share a mistake; it signs C2SP checkpoints with its key.
 */
final class TestLog {

    final String origin;
    final KeyPair keys;
    final List<byte[]> leaves = new ArrayList<>();

    TestLog(String origin) throws Exception {
        this(origin, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    }

    TestLog(String origin, KeyPair keys) {
        this.origin = origin;
        this.keys = keys;
    }

    /** Another log with the same key, origin and entries: the second face of a split view. */
    TestLog copy() {
        TestLog copy = new TestLog(origin, keys);
        copy.leaves.addAll(leaves);
        return copy;
    }

    TestLog append(String... entries) {
        for (String e : entries) {
            leaves.add(sha(new byte[] {0}, e.getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    byte[] rawKey() {
        byte[] der = keys.getPublic().getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    int keyId() {
        byte[] h = sha(origin.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', 1}, rawKey());
        return ByteBuffer.wrap(h).getInt();
    }

    String vkey() {
        byte[] material = new byte[33];
        material[0] = 1;
        System.arraycopy(rawKey(), 0, material, 1, 32);
        return origin + "+" + String.format("%08x", keyId()) + "+"
                + Base64.getEncoder().encodeToString(material);
    }

    String text(long size) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root(size)) + "\n";
    }

    String checkpoint(long size) throws Exception {
        return signed(text(size));
    }

    String signed(String text) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        byte[] sig = ByteBuffer.allocate(68).putInt(keyId()).put(signer.sign()).array();
        return text + "\n\u2014 " + origin + " " + Base64.getEncoder().encodeToString(sig) + "\n";
    }

    /** The add-checkpoint body from {@code old} to the current size. */
    String request(long old) throws Exception {
        return request(old, leaves.size());
    }

    String request(long old, long size) throws Exception {
        StringBuilder body = new StringBuilder("old " + old + "\n");
        if (old > 0 && old < size) {
            for (byte[] h : proof(old, size)) {
                body.append(Base64.getEncoder().encodeToString(h)).append('\n');
            }
        }
        return body.append('\n').append(checkpoint(size)).toString();
    }

    byte[] root(long size) {
        return mth(leaves.subList(0, (int) size));
    }

    List<byte[]> proof(long m, long n) {
        return subproof((int) m, leaves.subList(0, (int) n), true);
    }

    private static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return sha();
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = split(d.size());
        return sha(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean complete) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!complete) {
                out.add(mth(d));
            }
            return out;
        }
        int k = split(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), complete));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    static byte[] sha(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                digest.update(p);
            }
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
