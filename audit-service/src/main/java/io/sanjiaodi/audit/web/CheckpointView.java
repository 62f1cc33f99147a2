package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.witness.StoredCosignature;
import java.util.List;

/**
 * A checkpoint as the JSON endpoints show it: the signed checkpoint's own fields (readers that read
 * a {@code Checkpoint} ignore the rest) and the witnesses' cosignatures of its tree size, each a
 * note signature line to append to {@code note}.
 */
record CheckpointView(
        long treeSize, String rootHash, long timestamp, String signature, String note, List<Cosignature> cosignatures) {

    /** @param time the witness's timestamp, POSIX seconds */
    record Cosignature(String witness, long time, String line) {}

    static CheckpointView of(Checkpoint c, List<StoredCosignature> cosignatures) {
        return new CheckpointView(
                c.treeSize(),
                c.rootHash(),
                c.timestamp(),
                c.signature(),
                c.note(),
                cosignatures.stream()
                        .map(s -> new Cosignature(s.witness(), s.time(), s.line()))
                        .toList());
    }
}
