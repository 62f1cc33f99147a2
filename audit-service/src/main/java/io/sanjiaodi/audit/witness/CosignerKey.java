package io.sanjiaodi.audit.witness;

import io.sanjiaodi.audit.checkpoint.note.NoteSignature;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A witness's verifier key (type 0x04, tlog-cosignature.md) and the check of its cosignature/v1
 * lines: {@code — <name> base64(key ID || u64 timestamp || Ed25519 signature)} over
 * {@code "cosignature/v1\ntime <t>\n" || checkpoint text}.
 */
public record CosignerKey(String name, int keyId, PublicKey publicKey) {

    static final byte COSIGNATURE_V1 = 0x04;
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public static CosignerKey parse(String vkey) {
        String[] parts = vkey.trim().split("\\+", 3); // the base64 part may itself contain '+'
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].length() != 8) {
            throw new IllegalArgumentException("not a verifier key <name>+<hex id>+<base64>: " + vkey);
        }
        byte[] material = Base64.getDecoder().decode(parts[2]);
        if (material.length != 33 || material[0] != COSIGNATURE_V1) {
            throw new IllegalArgumentException("not an Ed25519 cosignature (type 0x04) verifier key: " + vkey);
        }
        byte[] raw = new byte[32];
        System.arraycopy(material, 1, raw, 0, 32);
        int id = Integer.parseUnsignedInt(parts[1], 16);
        if (id != keyId(parts[0], raw)) {
            throw new IllegalArgumentException("the key ID of " + vkey + " is not the hash of its name and key");
        }
        byte[] der = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
        try {
            return new CosignerKey(
                    parts[0], id, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 key: " + vkey, e);
        }
    }

    /** SHA-256(name || 0x0A || 0x04 || key)[:4]. */
    static int keyId(String name, byte[] rawKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(new byte[] {'\n', COSIGNATURE_V1});
            return ByteBuffer.wrap(sha.digest(rawKey), 0, 4).getInt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Whether the line is this key's (name and key ID); other lines are ignored, as the spec requires. */
    boolean owns(String line) {
        String prefix = "\u2014 " + name + " ";
        if (!line.startsWith(prefix)) {
            return false;
        }
        try {
            byte[] sig =
                    Base64.getDecoder().decode(line.substring(prefix.length()).trim());
            return sig.length >= 4 && ByteBuffer.wrap(sig, 0, 4).getInt() == keyId;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The newest time (POSIX seconds) of this witness's valid cosignatures among the note's signature lines; else -1. */
    public long newestCosignature(SignedNote note) {
        long newest = -1;
        for (NoteSignature signature : note.signatures()) {
            newest = Math.max(newest, verify(signature.line().stripTrailing(), note.text()));
        }
        return newest;
    }

    /** The cosignature's timestamp (POSIX seconds) if the line verifies over {@code checkpointText}; else -1. */
    public long verify(String line, String checkpointText) {
        if (!owns(line)) {
            return -1;
        }
        byte[] sig =
                Base64.getDecoder().decode(line.substring(name.length() + 3).trim());
        if (sig.length != 4 + 8 + 64) {
            return -1;
        }
        long time = ByteBuffer.wrap(sig, 4, 8).getLong();
        if (time <= 0) {
            return -1; // the protocol forbids a cosignature without a timestamp
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(("cosignature/v1\ntime " + time + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8));
            byte[] ed = new byte[64];
            System.arraycopy(sig, 12, ed, 0, 64);
            return verifier.verify(ed) ? time : -1;
        } catch (GeneralSecurityException e) {
            return -1;
        }
    }
}
