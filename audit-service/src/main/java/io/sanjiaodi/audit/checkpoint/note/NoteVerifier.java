package io.sanjiaodi.audit.checkpoint.note;

/**
 * A key that can verify note signatures, identified as signed-note.md says by its key name and
 * 32-bit key id together. An interface so that other signature types (the timestamped witness
 * cosignatures of tlog-cosignature.md, type 0x04) verify through the same {@link SignedNote#verify}.
 */
public interface NoteVerifier {

    String name();

    int keyId();

    /** Whether {@code signature} (the bytes after the 4-byte key id) signs this note text. */
    boolean verify(String text, byte[] signature);
}
