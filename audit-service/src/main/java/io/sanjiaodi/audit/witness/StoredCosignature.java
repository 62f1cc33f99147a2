package io.sanjiaodi.audit.witness;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A verified cosignature as stored, insert-only: the first per (tree size, witness) keyed by both,
 * each later refresh of the same checkpoint (a newer time) as a document of its own, so every word
 * a witness gave is kept and none is replaced; readers take each witness's newest.
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

    static String refreshId(long treeSize, String witness, long time) {
        return id(treeSize, witness) + "@" + time;
    }
}
