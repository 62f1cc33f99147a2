package io.sanjiaodi.audit.tiles;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.merkle.TilePath;
import io.sanjiaodi.audit.merkle.Tiles;
import io.sanjiaodi.platform.Refusal;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The log as C2SP tlog-tiles resources, up to the latest signed checkpoint (a tile a client may
 * fetch is one some signed size needs; nothing of the unsigned tail is shown). Hash tiles come
 * from the in-memory tree; entry bundles are the leaf encodings rebuilt from the stored entries,
 * each checked against its leaf hash so that a bundle never contradicts the tiles.
 */
@Service
public class LogTiles {

    private final MongoTemplate mongo;
    private final AuditLog log;
    private final CheckpointService checkpoints;

    public LogTiles(MongoTemplate mongo, AuditLog log, CheckpointService checkpoints) {
        this.mongo = mongo;
        this.log = log;
        this.checkpoints = checkpoints;
    }

    public static TilePath parse(String path) {
        try {
            return TilePath.parse(path);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Refusal.unprocessable(
                    "AUDIT_BAD_TILE_PATH", "not a tile path (<L>/<N>[.p/<W>] or entries/<N>[.p/<W>]): " + path);
        }
    }

    public byte[] hashTile(TilePath tile) {
        try {
            return Tiles.hashTile(log.tree(), signedSize(), tile);
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw notFound(tile);
        }
    }

    public byte[] entryBundle(TilePath tile) {
        long required = tile.requiredTreeSize();
        if (!tile.entries() || required < 0 || required > signedSize()) {
            throw notFound(tile);
        }
        long first = tile.index() * TilePath.FULL;
        List<AuditEntry> stored = mongo.find(
                Query.query(Criteria.where("logIndex").gte(first).lt(first + tile.width()))
                        .with(Sort.by("logIndex")),
                AuditEntry.class);
        MerkleTree tree = log.tree();
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < tile.width(); i++) {
            AuditEntry e = i < stored.size() ? stored.get(i) : null;
            if (e == null || e.logIndex() != first + i) {
                throw Refusal.conflict("AUDIT_ENTRY_MISSING", "the stored log has no entry " + (first + i));
            }
            byte[] leaf = e.leaf(Sha256.unhex(e.payloadHash()), Sha256.unhex(e.prevLeafHash()))
                    .encode();
            if (!MessageDigest.isEqual(Sha256.leafHash(leaf), tree.leafHash(first + i))) {
                throw Refusal.conflict(
                        "AUDIT_ENTRY_MISMATCH", "the stored entry " + (first + i) + " no longer hashes to its leaf");
            }
            if (leaf.length > Tiles.MAX_ENTRY_BYTES) {
                throw Refusal.tooLarge("AUDIT_ENTRY_TOO_LARGE", "entry " + (first + i) + " exceeds 65535 bytes");
            }
            entries.add(leaf);
        }
        return Tiles.bundle(entries);
    }

    private long signedSize() {
        return checkpoints.latest().map(Checkpoint::treeSize).orElse(0L);
    }

    private static Refusal notFound(TilePath tile) {
        return Refusal.notFound(
                "AUDIT_TILE_NOT_FOUND", "no tile " + tile.path() + " in the log up to its latest signed checkpoint");
    }
}
