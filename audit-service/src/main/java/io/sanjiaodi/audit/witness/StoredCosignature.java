package io.sanjiaodi.audit.witness;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A verified cosignature as stored, insert-only: one per (tree size, witness), keyed by both, so a
 * witness's word on a size is recorded once and never replaced.
 *
 * @param line the note signature line, exactly as the witness sent it
 * @param time the cosignature's own timestamp (the witness's clock, POSIX seconds)
 */
@Document("audit_cosignatures")
public record StoredCosignature(
        @Id String id, long treeSize, String witness, String line, long time, Instant received) {

    static String id(long treeSize, String witness) {
        return treeSize + "/" + witness;
    }
}
