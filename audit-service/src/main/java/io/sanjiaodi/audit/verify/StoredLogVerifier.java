package io.sanjiaodi.audit.verify;

import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.checkpoint.SigningKey;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.ingest.LogOrder;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.query.ReaderScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Re-verifies the log as MongoDB holds it now. The appender's in-memory record (leaf hashes and
 * event ids since the last start) is the witness that names an entry changed or deleted behind
 * the service's back; the signed checkpoints catch what happened before the last start.
 */
@Service
public class StoredLogVerifier {

    private static final Logger log = LoggerFactory.getLogger(StoredLogVerifier.class);
    private final MongoTemplate mongo;
    private final AuditLog auditLog;
    private final CheckpointService checkpoints;
    private final SigningKey key;

    public StoredLogVerifier(MongoTemplate mongo, AuditLog auditLog, CheckpointService checkpoints, SigningKey key) {
        this.mongo = mongo;
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    /**
     * The whole log is verified for every reader (the roots cover all of it); the report describes
     * the findings on entries the reader sees and counts the others. A reader below the root does
     * not learn whose deleted entries were: those findings are counted too.
     */
    public VerificationReport verify(ReaderScope scope) {
        MerkleTree appended = auditLog.tree();
        long appendedSize = appended.size();
        LogVerification verification = new LogVerification(
                auditLog::eventIdAt, index -> index < appendedSize ? appended.leafHash(index) : null, scope.root());
        LogOrder.forEach(mongo, AuditEntry.class, entry -> {
            verification.accept(ExportRecord.of(entry), scope.sees(entry));
            return true;
        });
        verification.expectEntries(appendedSize); // entries deleted at the tail
        VerificationReport report = verification.finish(checkpoints.all(), key.publicKey());
        if (!report.ok()) {
            log.error(
                    "audit log verification failed: {} problem(s), the first shown to this reader: {}",
                    report.problemCount(),
                    report.problems().isEmpty() ? "none" : report.problems().get(0));
        }
        return report;
    }
}
