package io.sanjiaodi.witness;

/**
 * A refused add-checkpoint request: the HTTP status tlog-witness.md prescribes and a stable code.
 * The witness does not use the platform's {@code Refusal}: it depends on nothing of the log's side,
 * and its statuses are fixed by the protocol rather than by the platform's problem mapping.
 */
public final class WitnessRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String body;

    public WitnessRefusal(int status, String code, String message) {
        this(status, code, message, null);
    }

    private WitnessRefusal(int status, String code, String message, String body) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.body = body;
    }

    /** 409 with the size the witness holds as its body ({@code text/x.tlog.size}), so the log can retry at once. */
    static WitnessRefusal oldSizeMismatch(long claimed, long held) {
        return new WitnessRefusal(
                409,
                "WITNESS_OLD_SIZE_MISMATCH",
                "old size " + claimed + " is not the size " + held + " last cosigned",
                held + "\n");
    }

    static WitnessRefusal malformed(String message) {
        return new WitnessRefusal(400, "WITNESS_MALFORMED_REQUEST", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The protocol's response body for this refusal, if it prescribes one (only the 409 does). */
    public String body() {
        return body;
    }
}
