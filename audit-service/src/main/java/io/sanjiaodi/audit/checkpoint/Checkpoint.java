package io.sanjiaodi.audit.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey;
import io.sanjiaodi.audit.checkpoint.note.NoteException;
import io.sanjiaodi.audit.checkpoint.note.NoteSigner;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.checkpoint.note.TlogCheckpoint;
import io.sanjiaodi.audit.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A signed statement "the log had {@code treeSize} entries with this root at this time". The
 * signature is Ed25519 over the UTF-8 text of {@link #body()}, four lines each ending in '\n':
 * {@code sanjiaodi-audit-log/v1}, the tree size in decimal, the root hash in lower-case hex, the
 * timestamp in epoch milliseconds. Plain Java so that the offline verifier shares it.
 *
 * <p>Checkpoints signed since issue #20 also carry {@code note}: the same size and root as a C2SP
 * tlog-checkpoint signed note, signed by the same key under the log's origin (what Go's
 * {@code note.Open} and every C2SP client read). Both signatures are kept so that the JSON API and
 * the offline verifier treat old and new checkpoints alike; older checkpoints have no note.
 */
// the JSON endpoints show a checkpoint with its witnesses' cosignatures beside these fields (README "Witnesses")
@JsonIgnoreProperties(ignoreUnknown = true)
public record Checkpoint(long treeSize, String rootHash, long timestamp, String signature, String note) {

    public static final String ORIGIN = "sanjiaodi-audit-log/v1";

    /** A checkpoint in the old format only (signed before issue #20). */
    public Checkpoint(long treeSize, String rootHash, long timestamp, String signature) {
        this(treeSize, rootHash, timestamp, signature, null);
    }

    public String body() {
        return ORIGIN + "\n" + treeSize + "\n" + rootHash + "\n" + timestamp + "\n";
    }

    public byte[] root() {
        return Sha256.unhex(rootHash);
    }

    /** Old format only: kept for the tests and tools that forge old checkpoints. */
    public static Checkpoint sign(long treeSize, byte[] root, long timestamp, PrivateKey key) {
        return sign(treeSize, root, timestamp, key, null);
    }

    /** Signs the old body and, given a note signer, the C2SP checkpoint of the same size and root. */
    public static Checkpoint sign(long treeSize, byte[] root, long timestamp, PrivateKey key, NoteSigner noteSigner) {
        Checkpoint unsigned = new Checkpoint(treeSize, Sha256.hex(root), timestamp, null);
        String note = noteSigner == null
                ? null
                : SignedNote.sign(new TlogCheckpoint(noteSigner.key().name(), treeSize, root).text(), noteSigner)
                        .format();
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(unsigned.body().getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(
                    treeSize,
                    unsigned.rootHash(),
                    timestamp,
                    Base64.getEncoder().encodeToString(signer.sign()),
                    note);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /**
     * False for a wrong key, a changed field or a malformed signature; never throws. A checkpoint
     * with a note verifies only if the note too is signed by this key (under the note's origin as
     * key name, which is how this log signs) and states this size and root; one with a note and no
     * old signature ({@link #fromNote}) verifies by its note alone.
     */
    public boolean verify(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(body().getBytes(StandardCharsets.UTF_8));
            if (signature == null) {
                // a C2SP checkpoint read on its own (fromNote): the note is the whole statement
                return note != null && noteAgrees(key);
            }
            return verifier.verify(Base64.getDecoder().decode(signature)) && (note == null || noteAgrees(key));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A checkpoint known only as a C2SP note (e.g. fetched from {@code /api/audit/log/checkpoint}):
     * no old signature and no timestamp (0), so {@link #verify} checks the note alone.
     */
    public static Checkpoint fromNote(String note) {
        TlogCheckpoint c = TlogCheckpoint.parse(SignedNote.parse(note).text());
        return new Checkpoint(c.treeSize(), Sha256.hex(c.rootHash()), 0, null, note);
    }

    /** The C2SP checkpoint in {@code note}, parsed but not verified; null for an old checkpoint. */
    public TlogCheckpoint noteCheckpoint() {
        return note == null ? null : TlogCheckpoint.parse(SignedNote.parse(note).text());
    }

    private boolean noteAgrees(PublicKey key) {
        try {
            SignedNote signed = SignedNote.parse(note);
            TlogCheckpoint c = TlogCheckpoint.parse(signed.text());
            signed.verify(Ed25519NoteKey.of(c.origin(), key));
            return c.treeSize() == treeSize && rootHash != null && MessageDigest.isEqual(c.rootHash(), root());
        } catch (NoteException e) {
            return false;
        }
    }
}
