package io.sanjiaodi.audit.checkpoint.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 note verifier key (signed-note.md, signature type 0x01): a key name and the 32-byte
 * RFC 8032 public key. Its text form {@link #verifierKey()} is what Go's {@code note.NewVerifier} reads.
 */
public final class Ed25519NoteKey implements NoteVerifier {

    public static final byte TYPE = 0x01;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo: the JDK's encoding is this plus the 32 raw bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final byte[] publicKey;
    private final int keyId;

    public Ed25519NoteKey(String name, byte[] publicKey) {
        if (!SignedNote.validKeyName(name)) {
            throw new NoteException(NoteException.BAD_VERIFIER_KEY, "a key name is non-empty, without spaces or '+'");
        }
        if (publicKey == null || publicKey.length != 32) {
            throw new NoteException(NoteException.BAD_VERIFIER_KEY, "an Ed25519 public key has 32 bytes");
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, TYPE, this.publicKey);
    }

    public static Ed25519NoteKey of(String name, PublicKey key) {
        byte[] der = key.getEncoded();
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
                || der.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new NoteException(NoteException.BAD_VERIFIER_KEY, "not an Ed25519 public key");
        }
        return new Ed25519NoteKey(name, Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
    }

    /** Parses {@code <name>+<hex8>+<base64(0x01 || key)>}, checking that the key id matches, as Go does. */
    public static Ed25519NoteKey parse(String vkey) {
        // as Go's note.NewVerifier: cut at the first two pluses (base64 has pluses of its own)
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new NoteException(NoteException.BAD_VERIFIER_KEY, "a verifier key is <name>+<hex8>+<base64>");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteException(NoteException.BAD_VERIFIER_KEY, "a verifier key ends in base64");
        }
        if (material.length != 33 || material[0] != TYPE) {
            throw new NoteException(NoteException.BAD_VERIFIER_KEY, "not an Ed25519 (type 0x01) verifier key");
        }
        Ed25519NoteKey key = new Ed25519NoteKey(parts[0], Arrays.copyOfRange(material, 1, 33));
        if (key.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new NoteException(NoteException.BAD_VERIFIER_KEY, "the key id does not match the name and key");
        }
        return key;
    }

    /** SHA-256(key name || 0x0A || type || public key)[:4], big-endian. */
    public static int keyId(String name, byte type, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x0A);
            sha.update(type);
            return ByteBuffer.wrap(sha.digest(publicKey)).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The key as the JDK's Ed25519 {@link PublicKey}. */
    public PublicKey javaKey() {
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(publicKey, 0, der, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** {@code <name>+<hex8>+<base64(0x01 || key)>}. */
    public String verifierKey() {
        byte[] material = new byte[33];
        material[0] = TYPE;
        System.arraycopy(publicKey, 0, material, 1, 32);
        return name + "+" + String.format("%08x", keyId) + "+"
                + Base64.getEncoder().encodeToString(material);
    }

    @Override
    public boolean verify(String text, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(javaKey());
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.length == 64 && verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519NoteKey k && name.equals(k.name) && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
