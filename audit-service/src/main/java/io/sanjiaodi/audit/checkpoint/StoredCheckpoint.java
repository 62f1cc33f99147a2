package io.sanjiaodi.audit.checkpoint;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A checkpoint as stored: keyed by tree size, so each size is signed once and never replaced.
 * {@code note} is the C2SP signed checkpoint (absent on checkpoints signed before issue #20).
 */
@Document("audit_checkpoints")
record StoredCheckpoint(
        @Id long treeSize, String rootHash, long timestamp, Instant time, String signature, String note) {

    static StoredCheckpoint of(Checkpoint c) {
        return new StoredCheckpoint(
                c.treeSize(),
                c.rootHash(),
                c.timestamp(),
                Instant.ofEpochMilli(c.timestamp()),
                c.signature(),
                c.note());
    }

    Checkpoint checkpoint() {
        return new Checkpoint(treeSize, rootHash, timestamp, signature, note);
    }
}
