package io.sanjiaodi.audit.verify.asof;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.verify.ExportRecord;
import java.util.List;

/**
 * An aggregate's state as of a signed checkpoint, with what a third party needs to check it
 * offline (audit-service/README.md, "As of a checkpoint, with proof"). Plain Java and Jackson so
 * that the offline verifier and the archive's verifier.jar read it.
 *
 * @param events         every entry of the aggregate in the checkpoint's tree, in sequence order,
 *                       each as its export record (a hash-only one where the reader gets the
 *                       payload redacted) with its audit path in {@code checkpoint}
 * @param successor      the aggregate's next sequence number, proven to lie after the checkpoint;
 *                       null when no checkpoint covers one yet
 * @param latest         without a successor: the latest signed checkpoint, which holds no next event
 *                       (the log's statement) and {@code latestConsistency} proves extends {@code checkpoint}
 * @param summary        the service's summary of {@code events} (AggregateSummary as JSON)
 */
public record AsOfProof(
        String aggregateId,
        Checkpoint checkpoint,
        List<ProvenEntry> events,
        Successor successor,
        Checkpoint latest,
        List<String> latestConsistency,
        Object summary) {

    /** One entry and its RFC 9162 audit path (lower-case hex) in the tree of the enclosing checkpoint. */
    public record ProvenEntry(ExportRecord entry, List<String> auditPath) {}

    /**
     * The entry of the next sequence number, at a log index at or beyond the as-of checkpoint's
     * tree size, included in the later {@code checkpoint}, which {@code consistency} proves extends
     * the as-of one.
     */
    public record Successor(ProvenEntry entry, Checkpoint checkpoint, List<String> consistency) {}
}
