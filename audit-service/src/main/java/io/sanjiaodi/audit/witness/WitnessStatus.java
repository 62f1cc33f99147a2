package io.sanjiaodi.audit.witness;

import java.time.Instant;

/**
 * What the log knows of one witness, for health and logs: its state, the size it last accepted,
 * and, after a failure, which checkpoint it was, what the witness said and the size it holds.
 *
 * @param state          {@code PENDING} (not asked yet), {@code OK}, {@code UNREACHABLE}, {@code REFUSED}
 *                       (it answered with an error status: a fork, a bad proof, an unknown log or key) or
 *                       {@code BAD_COSIGNATURE} (its answer does not verify with its configured key),
 *                       {@code REPLAYED} (its cosignature is older than one already stored for the size) or
 *                       {@code STALE} (its cosignature's time lies more than {@code audit.cosignature-refresh}
 *                       in the past)
 * @param checkpointSize the tree size of the checkpoint last submitted
 * @param witnessSize    the size the witness said it holds (its 409 body), -1 when it did not say
 * @param status         the HTTP status of its last answer, 0 when it could not be reached
 * @param detail         its answer's first line (the witness's code) or the connection error
 */
public record WitnessStatus(
        String witness,
        String state,
        long acceptedSize,
        long checkpointSize,
        long witnessSize,
        int status,
        String detail,
        int failures,
        Instant lastCosigned,
        Instant nextAttempt) {

    static WitnessStatus pending(String witness, long acceptedSize) {
        return new WitnessStatus(witness, "PENDING", acceptedSize, -1, -1, 0, null, 0, null, Instant.EPOCH);
    }

    boolean healthy() {
        return state.equals("OK") || state.equals("PENDING");
    }
}
