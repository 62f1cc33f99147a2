package io.sanjiaodi.audit.completeness;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.ExportRecord;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import io.sanjiaodi.platform.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The completeness proof for one producer statement: the signed statement and, for each of its
 * positions, the event id, its log index and an RFC 9162 inclusion proof in the latest signed
 * checkpoint. A third party recomputes the producer's root from the ids and checks every proof
 * against the checkpoint and the audit key ({@code OfflineVerifier completeness}). Entries the
 * reader does not see (or sees redacted) are given as hashes only: the producer leaf
 * SHA-256(0x00 || id) and the audit leaf hash, no id or fields, as the export does.
 */
@Service
public class CompletenessProofs {

    private static final int PAGE = 1_000;
    /** How many of a producer's latest statements a proof without a size tries, newest first. */
    private static final int RECENT = 20;

    private final ProducerStatements statements;
    private final ProducerIndex index;
    private final MongoTemplate mongo;
    private final AuditLog log;
    private final CheckpointService checkpoints;

    public CompletenessProofs(
            ProducerStatements statements,
            ProducerIndex index,
            MongoTemplate mongo,
            AuditLog log,
            CheckpointService checkpoints) {
        this.statements = statements;
        this.index = index;
        this.mongo = mongo;
        this.log = log;
        this.checkpoints = checkpoints;
    }

    /**
     * @param eventId          the CloudEvents id, null where the reader sees only hashes
     * @param producerLeafHash SHA-256(0x00 || UTF-8 id): the leaf of the producer's tree
     * @param entry            the entry's fields (to recompute {@code leafHash}), where the reader reads it whole
     */
    public record PositionProof(
            long position,
            String eventId,
            String producerLeafHash,
            long logIndex,
            String leafHash,
            List<String> auditPath,
            ExportRecord entry) {}

    public record CompletenessProof(
            ProducerStatement statement, Checkpoint checkpoint, List<PositionProof> positions) {}

    /**
     * The proof for the statement of {@code size}; without a size, for the newest of the producer's
     * recent statements that the log holds whole and the latest checkpoint covers (the newest one is
     * often a few seconds ahead of both).
     */
    public CompletenessProof prove(String producer, Long size, ReaderScope scope) {
        if (size != null) {
            return prove(
                    statements
                            .find(producer, size)
                            .orElseThrow(() -> notFound(producer, size))
                            .statement(),
                    scope);
        }
        Refusal last = notFound(producer, null);
        for (ProducerStatements.Received candidate : statements.recent(producer, RECENT)) {
            try {
                return prove(candidate.statement(), scope);
            } catch (Refusal notYet) {
                last = notYet;
            }
        }
        throw last;
    }

    private static Refusal notFound(String producer, Long size) {
        return Refusal.notFound(
                "PRODUCER_STATEMENT_NOT_FOUND",
                "no accepted statement of producer " + producer + (size == null ? "" : " of size " + size));
    }

    private CompletenessProof prove(ProducerStatement statement, ReaderScope scope) {
        String producer = statement.producer();
        ProducerIndex.Missing missing = index.missingPositions(producer, statement.size(), 20);
        if (missing.count() > 0) {
            throw Refusal.conflict(
                    "PRODUCER_EVENTS_MISSING",
                    "the log lacks " + missing.count() + " of the " + statement.size() + " stated positions of "
                            + producer + ", first " + missing.positions() + "; see POST /api/audit/verify");
        }
        Checkpoint checkpoint = checkpoints
                .latest()
                .orElseThrow(() -> Refusal.conflict("AUDIT_NO_CHECKPOINT", "no checkpoint has been signed yet"));
        MerkleTree tree = log.tree();
        List<PositionProof> proofs = new ArrayList<>();
        for (long from = 1; from <= statement.size(); from += PAGE) {
            List<ProducerIndex.Position> page =
                    index.positions(producer, from, Math.min(statement.size(), from + PAGE - 1));
            Map<String, AuditEntry> entries = new HashMap<>();
            mongo.find(
                            Query.query(Criteria.where("_id")
                                    .in(page.stream()
                                            .map(ProducerIndex.Position::eventId)
                                            .toList())),
                            AuditEntry.class)
                    .forEach(e -> entries.put(e.eventId(), e));
            for (ProducerIndex.Position p : page) {
                AuditEntry entry = entries.get(p.eventId());
                if (entry == null || entry.logIndex() == null || entry.logIndex() >= checkpoint.treeSize()) {
                    throw Refusal.conflict(
                            "AUDIT_ENTRY_NOT_YET_CHECKPOINTED",
                            "position " + p.position() + " of " + producer
                                    + " is not yet in a signed checkpoint; retry after the next one");
                }
                boolean whole = scope.sees(entry) && !scope.redacts(entry);
                proofs.add(new PositionProof(
                        p.position(),
                        whole ? p.eventId() : null,
                        Sha256.hex(ProducerIndex.leafHash(p.eventId())),
                        entry.logIndex(),
                        Sha256.hex(tree.leafHash(entry.logIndex())),
                        tree.inclusionProof(entry.logIndex(), checkpoint.treeSize()).stream()
                                .map(Sha256::hex)
                                .toList(),
                        whole ? ExportRecord.of(entry) : null));
            }
        }
        return new CompletenessProof(statement, checkpoint, proofs);
    }
}
