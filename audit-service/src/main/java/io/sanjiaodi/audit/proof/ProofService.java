package io.sanjiaodi.audit.proof;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.ExportRecord;
import io.sanjiaodi.platform.Refusal;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** RFC 9162 proofs against signed checkpoints, computed from the in-memory tree. */
@Service
public class ProofService {

    private final MongoTemplate mongo;
    private final AuditLog log;
    private final CheckpointService checkpoints;

    public ProofService(MongoTemplate mongo, AuditLog log, CheckpointService checkpoints) {
        this.mongo = mongo;
        this.log = log;
        this.checkpoints = checkpoints;
    }

    /**
     * The entry, its leaf hash and audit path in the tree of {@code treeSize} (default: the latest
     * checkpoint), for an entry the reader sees (403 OUT_OF_SCOPE otherwise). A reader who gets the
     * payload redacted gets the leaf hash and path without the entry: a redacted payload would not
     * hash to the leaf.
     */
    public InclusionProof inclusion(String eventId, Long treeSize, ReaderScope scope) {
        AuditEntry entry = mongo.findById(eventId, AuditEntry.class);
        if (entry == null || entry.logIndex() == null) {
            throw Refusal.notFound("AUDIT_ENTRY_NOT_FOUND", "no audit entry " + eventId);
        }
        scope.require(entry, "audit entry " + eventId);
        Checkpoint checkpoint = checkpoint(treeSize);
        long size = checkpoint.treeSize();
        if (entry.logIndex() >= size) {
            throw Refusal.conflict(
                    "AUDIT_ENTRY_NOT_YET_CHECKPOINTED",
                    "entry " + entry.logIndex() + " is not in the tree of size " + size
                            + "; retry after the next checkpoint");
        }
        MerkleTree tree = log.tree();
        List<String> path = tree.inclusionProof(entry.logIndex(), size).stream()
                .map(Sha256::hex)
                .toList();
        return new InclusionProof(
                eventId,
                entry.logIndex(),
                size,
                Sha256.hex(tree.leafHash(entry.logIndex())),
                path,
                checkpoint,
                scope.redacts(entry) ? null : ExportRecord.of(entry));
    }

    /** The proof that the tree of size {@code to} (default: latest checkpoint) extends the one of size {@code from}. */
    public ConsistencyProof consistency(long from, Long to) {
        Checkpoint second = checkpoint(to);
        if (from < 0 || from > second.treeSize()) {
            throw Refusal.unprocessable("AUDIT_BAD_TREE_SIZE", "from must lie between 0 and " + second.treeSize());
        }
        MerkleTree tree = log.tree();
        List<String> proof = tree.consistencyProof(from, second.treeSize()).stream()
                .map(Sha256::hex)
                .toList();
        Checkpoint first = checkpoints.bySize(from).orElse(null);
        return new ConsistencyProof(
                from, second.treeSize(), Sha256.hex(tree.root(from)), second.rootHash(), proof, first, second);
    }

    private Checkpoint checkpoint(Long treeSize) {
        if (treeSize == null) {
            return checkpoints
                    .latest()
                    .orElseThrow(() -> Refusal.conflict("AUDIT_NO_CHECKPOINT", "no checkpoint has been signed yet"));
        }
        return checkpoints
                .bySize(treeSize)
                .orElseThrow(() -> Refusal.notFound(
                        "AUDIT_CHECKPOINT_NOT_FOUND",
                        "no signed checkpoint of tree size " + treeSize + "; see GET /api/audit/checkpoints"));
    }

    /** @param entry the stored fields, so that a verifier can recompute {@code leafHash} itself */
    public record InclusionProof(
            String eventId,
            long leafIndex,
            long treeSize,
            String leafHash,
            List<String> auditPath,
            Checkpoint checkpoint,
            ExportRecord entry) {}

    /** @param firstCheckpoint the signed checkpoint of size {@code first} if one exists */
    public record ConsistencyProof(
            long first,
            long second,
            String firstRootHash,
            String secondRootHash,
            List<String> proof,
            Checkpoint firstCheckpoint,
            Checkpoint secondCheckpoint) {}
}
