package io.sanjiaodi.audit.checkpoint;

import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.leader.WriterRole;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint whenever the log grew since the last one (checked every
 * {@code audit.checkpoint-interval-millis}), stored insert-only keyed by tree size. At start it
 * checks that the stored log still yields the latest signed root; if not, appending would fork
 * the log away from what was signed, so the log refuses appends until an operator looks.
 */
@Component
public class CheckpointService {

    private static final Logger log = LoggerFactory.getLogger(CheckpointService.class);
    private final MongoTemplate mongo;
    private final AuditLog auditLog;
    private final SigningKey key;
    private final Clock clock;
    private final WriterRole role;
    private volatile Checkpoint latest;

    public CheckpointService(MongoTemplate mongo, AuditLog auditLog, SigningKey key, Clock clock, WriterRole role) {
        this.mongo = mongo;
        this.auditLog = auditLog;
        this.key = key;
        this.clock = clock;
        this.role = role;
        reload();
    }

    /**
     * Reads the latest signed checkpoint and checks the log against it: at start, and when a
     * standby (which only follows what the writer signs) becomes the writer.
     */
    public final synchronized void reload() {
        latest = newestStored();
        checkAgainstLog();
    }

    private Checkpoint newestStored() {
        return find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1)).stream()
                .findFirst()
                .orElse(null);
    }

    public Optional<Checkpoint> latest() {
        return Optional.ofNullable(latest);
    }

    public Optional<Checkpoint> bySize(long treeSize) {
        return find(Query.query(Criteria.where("_id").is(treeSize))).stream().findFirst();
    }

    /**
     * The C2SP checkpoint note served at {@code /api/audit/log/checkpoint}: the newest checkpoint
     * that carries one (those signed before issue #20 have none). The one place the served note is
     * produced, so that cosignatures can be added here.
     */
    public Optional<String> servedNote() {
        Checkpoint newest = latest;
        if (newest != null && newest.note() != null) {
            return Optional.of(newest.note());
        }
        return find(Query.query(Criteria.where("note").ne(null))
                        .with(Sort.by(Sort.Direction.DESC, "_id"))
                        .limit(1))
                .stream()
                .findFirst()
                .map(Checkpoint::note);
    }

    public List<Checkpoint> all() {
        return find(new Query().with(Sort.by("_id")));
    }

    @Scheduled(fixedDelayString = "#{@checkpointIntervalMillis}")
    void tick() {
        if (role.isWriter()) {
            signIfGrown();
        } else {
            // a standby follows what the writer signed at the size its log reached: a lookup by _id
            // (the newest-first sort would read every checkpoint each time on the embedded store);
            // one signed at a size it passed over is superseded by the next, and a takeover reloads
            long size = auditLog.tree().size();
            Checkpoint current = latest;
            if (current == null || current.treeSize() < size) {
                bySize(size).ifPresent(signed -> latest = signed);
            }
        }
    }

    /** Signs the current tree if it grew since the latest checkpoint. */
    public synchronized Optional<Checkpoint> signIfGrown() {
        MerkleTree tree = auditLog.tree();
        long size = tree.size();
        if (auditLog.broken() != null || size == 0 || (latest != null && latest.treeSize() >= size)) {
            return Optional.empty();
        }
        Checkpoint checkpoint =
                Checkpoint.sign(size, tree.root(size), clock.millis(), key.privateKey(), key.noteSigner());
        try {
            mongo.insert(StoredCheckpoint.of(checkpoint));
        } catch (DuplicateKeyException alreadySigned) {
            checkpoint = bySize(size).orElseThrow();
        }
        latest = checkpoint;
        log.debug("signed checkpoint {} {}", size, checkpoint.rootHash());
        return Optional.of(checkpoint);
    }

    private void checkAgainstLog() {
        if (latest == null) {
            return;
        }
        MerkleTree tree = auditLog.tree();
        if (latest.treeSize() > tree.size()) {
            // a writer goes on appending and signing while a standby starts: read what it stored since
            auditLog.catchUp();
            tree = auditLog.tree();
        }
        if (latest.treeSize() > tree.size() && !role.isWriter()) {
            // still behind the writer (soak: a standby that took its passing view for a lost log refused
            // every append when it became the writer); a takeover reloads and checks again
            return;
        }
        if (latest.treeSize() > tree.size()) {
            auditLog.markBroken("checkpoint " + latest.treeSize() + " is signed but the stored log has only "
                    + tree.size() + " entries");
        } else if (!Sha256.hex(tree.root(latest.treeSize())).equals(latest.rootHash())) {
            auditLog.markBroken("the stored log no longer yields the root signed at tree size " + latest.treeSize());
        }
    }

    private List<Checkpoint> find(Query query) {
        return mongo.find(query, StoredCheckpoint.class).stream()
                .map(StoredCheckpoint::checkpoint)
                .toList();
    }
}
