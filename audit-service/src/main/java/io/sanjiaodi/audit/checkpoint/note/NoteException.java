package io.sanjiaodi.audit.checkpoint.note;

/**
 * A note that is malformed or does not verify, with a stable code (plain Java: the offline
 * verifier shares this package; the web layer turns the code into a platform {@code Refusal}).
 */
public final class NoteException extends IllegalArgumentException {

    /** Not a signed note (or checkpoint) as C2SP signed-note / tlog-checkpoint define it. */
    public static final String MALFORMED = "NOTE_MALFORMED";
    /** No signature by a key the reader knows (unknown names and key ids are ignored, as the spec says). */
    public static final String UNVERIFIED = "NOTE_UNVERIFIED";
    /** A signature whose key name and key id match a known key does not verify: the whole note is rejected. */
    public static final String BAD_SIGNATURE = "NOTE_BAD_SIGNATURE";
    /** A verifier key string that is not {@code <name>+<hex8>+<base64(0x01 || key)>} with a matching key id. */
    public static final String BAD_VERIFIER_KEY = "NOTE_BAD_VERIFIER_KEY";

    private final String code;

    public NoteException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
