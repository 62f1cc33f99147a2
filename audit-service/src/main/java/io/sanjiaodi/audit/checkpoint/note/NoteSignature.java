package io.sanjiaodi.audit.checkpoint.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line: {@code — <key name> base64(key id || signature)} (em dash U+2014, space).
 *
 * @param keyId     the 4-byte key id, big-endian
 * @param signature the signature bytes after the key id
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    static final String PREFIX = "\u2014 ";

    public NoteSignature {
        if (!SignedNote.validKeyName(keyName)) {
            throw new NoteException(NoteException.MALFORMED, "a key name is non-empty, without spaces or '+'");
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** base64(key id || signature), the part after the key name. */
    public String base64() {
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(4 + signature.length)
                        .putInt(keyId)
                        .put(signature)
                        .array());
    }

    /** The line including its final newline. */
    public String line() {
        return PREFIX + keyName + " " + base64() + "\n";
    }

    /** Parses one line without its newline, as Go's note.Open does: at least 5 bytes, canonical base64. */
    static NoteSignature parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new NoteException(NoteException.MALFORMED, "a signature line starts with an em dash and a space");
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new NoteException(NoteException.MALFORMED, "a signature line has a key name and a signature");
        }
        String name = rest.substring(0, space);
        String b64 = rest.substring(space + 1);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new NoteException(NoteException.MALFORMED, "a signature is base64");
        }
        // the JDK accepts missing padding, Go does not: only the canonical encoding passes here too
        if (raw.length < 5 || !Base64.getEncoder().encodeToString(raw).equals(b64)) {
            throw new NoteException(NoteException.MALFORMED, "a signature is canonical base64 of 5 or more bytes");
        }
        return new NoteSignature(name, ByteBuffer.wrap(raw).getInt(), Arrays.copyOfRange(raw, 4, raw.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature s
                && keyName.equals(s.keyName)
                && keyId == s.keyId
                && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyName.hashCode() + keyId) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line().strip();
    }
}
