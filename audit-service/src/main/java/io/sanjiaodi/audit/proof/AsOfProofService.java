package io.sanjiaodi.audit.proof;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.query.history.HistoryService;
import io.sanjiaodi.audit.verify.ExportRecord;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import io.sanjiaodi.audit.verify.asof.AsOfProof.ProvenEntry;
import io.sanjiaodi.audit.verify.asof.AsOfProof.Successor;
import io.sanjiaodi.platform.Refusal;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * An aggregate as of a signed checkpoint with the proofs a third party checks offline
 * ({@link io.sanjiaodi.audit.verify.asof.AsOfVerifier}): each event's export record and audit path,
 * and the next sequence number's entry beyond the checkpoint or, if no checkpoint covers one yet,
 * the latest checkpoint. Scope as {@link HistoryService#asOf}: 404 unknown, 403 another jurisdiction's.
 */
@Service
public class AsOfProofService {

    private final MongoTemplate mongo;
    private final AuditLog log;
    private final CheckpointService checkpoints;
    private final HistoryService history;

    public AsOfProofService(MongoTemplate mongo, AuditLog log, CheckpointService checkpoints, HistoryService history) {
        this.mongo = mongo;
        this.log = log;
        this.checkpoints = checkpoints;
        this.history = history;
    }

    /** As of the signed checkpoint of {@code treeSize}, or of the latest one if null. */
    public AsOfProof prove(String aggregateId, Long treeSize, ReaderScope scope) {
        Checkpoint latest = checkpoints
                .latest()
                .orElseThrow(() -> Refusal.conflict("AUDIT_NO_CHECKPOINT", "no checkpoint has been signed yet"));
        Checkpoint checkpoint = treeSize == null
                ? latest
                : checkpoints
                        .bySize(treeSize)
                        .orElseThrow(() -> Refusal.notFound(
                                "AUDIT_CHECKPOINT_NOT_FOUND",
                                "no signed checkpoint of tree size " + treeSize + "; see GET /api/audit/checkpoints"));
        // checks existence and scope, and folds the summary from the entries the reader sees
        Object summary =
                history.asOf(aggregateId, null, checkpoint.treeSize(), scope).summary();
        MerkleTree tree = log.tree();
        List<AuditEntry> entries = mongo.find(
                Query.query(scope.and(Criteria.where("aggregateId")
                                .is(aggregateId)
                                .and("logIndex")
                                .ne(null)))
                        .with(Sort.by("aggregateSequence", "logIndex")),
                AuditEntry.class);
        List<ProvenEntry> events = entries.stream()
                .filter(e -> e.logIndex() < checkpoint.treeSize())
                .map(e -> proven(e, checkpoint, tree, scope))
                .toList();
        long next = events.size();
        Successor successor = entries.stream()
                .filter(e -> e.logIndex() >= checkpoint.treeSize()
                        && e.aggregateSequence() != null
                        && e.aggregateSequence() == next
                        && e.logIndex() < latest.treeSize())
                .findFirst()
                .map(e -> new Successor(proven(e, latest, tree, scope), latest, consistency(tree, checkpoint, latest)))
                .orElse(null);
        return new AsOfProof(
                aggregateId,
                checkpoint,
                events,
                successor,
                successor == null ? latest : null,
                successor == null ? consistency(tree, checkpoint, latest) : null,
                summary);
    }

    private static ProvenEntry proven(AuditEntry e, Checkpoint in, MerkleTree tree, ReaderScope scope) {
        List<String> path = tree.inclusionProof(e.logIndex(), in.treeSize()).stream()
                .map(Sha256::hex)
                .toList();
        return new ProvenEntry(scope.redacts(e) ? withheld(e) : ExportRecord.of(e), path);
    }

    /** A redacted payload would not hash to the leaf: the reader gets the chain fields and the leaf hash only. */
    private static ExportRecord withheld(AuditEntry e) {
        return new ExportRecord(
                e.logIndex(),
                null,
                null,
                null,
                e.aggregateId(),
                e.aggregateSequence(),
                null,
                -1,
                null,
                null,
                e.prevLeafHash(),
                e.leafHash(),
                null);
    }

    private static List<String> consistency(MerkleTree tree, Checkpoint from, Checkpoint to) {
        return tree.consistencyProof(from.treeSize(), to.treeSize()).stream()
                .map(Sha256::hex)
                .toList();
    }
}
