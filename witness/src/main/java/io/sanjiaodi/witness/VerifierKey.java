package io.sanjiaodi.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A log's Ed25519 note verifier key, {@code <name>+<hex key ID>+base64(0x01 || 32-byte key)}
 * (signed-note.md, "Verifier keys"); the key ID must be the recommended hash, so a mistyped key is
 * refused at start rather than silently matching nothing.
 */
record VerifierKey(String name, int keyId, PublicKey publicKey, String text) {

    static final byte ED25519 = 0x01;
    static final byte COSIGNATURE_V1 = 0x04;
    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), before the 32 key bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** What a note's signatures say under this key. */
    enum Verdict {
        /** no signature line has this key's name and ID */
        ABSENT,
        VALID,
        /** a line has this key's name and ID, but its signature does not verify */
        INVALID
    }

    static VerifierKey parse(String vkey) {
        // the name has no '+' and the ID is 8 hex digits; the base64 after them may contain '+'
        String[] parts = vkey.trim().split("\\+", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].length() != 8) {
            throw new IllegalArgumentException("not a verifier key <name>+<hex id>+<base64 key>: " + vkey);
        }
        byte[] material = Base64.getDecoder().decode(parts[2]);
        if (material.length != 33 || material[0] != ED25519) {
            throw new IllegalArgumentException("not an Ed25519 (type 0x01) verifier key: " + vkey);
        }
        byte[] raw = new byte[32];
        System.arraycopy(material, 1, raw, 0, 32);
        int id = Integer.parseUnsignedInt(parts[1], 16);
        if (id != keyId(parts[0], ED25519, raw)) {
            throw new IllegalArgumentException("the key ID of " + vkey + " is not the hash of its name and key");
        }
        return new VerifierKey(parts[0], id, publicKey(raw), vkey.trim());
    }

    /** SHA-256(name || 0x0A || type || key)[:4] as a big-endian integer. */
    static int keyId(String name, byte type, byte[] rawKey) {
        byte[] hash = Hashes.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', type}, rawKey);
        return ByteBuffer.wrap(hash, 0, 4).getInt();
    }

    static PublicKey publicKey(byte[] raw) {
        byte[] der = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(der, der.length - 32, raw, 0, 32);
        return raw;
    }

    /** Signatures from other keys are ignored, as the spec requires; one failing line of ours spoils the note. */
    Verdict verify(Note note) {
        Verdict verdict = Verdict.ABSENT;
        for (Note.Signature s : note.signatures()) {
            if (!s.keyName().equals(name) || s.keyId() != keyId) {
                continue;
            }
            if (!ed25519(s.signature(), note.text())) {
                return Verdict.INVALID;
            }
            verdict = Verdict.VALID;
        }
        return verdict;
    }

    private boolean ed25519(byte[] signature, String text) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
