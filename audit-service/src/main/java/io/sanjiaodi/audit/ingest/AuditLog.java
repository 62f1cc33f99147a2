package io.sanjiaodi.audit.ingest;

import io.sanjiaodi.audit.leaf.AggregateChains;
import io.sanjiaodi.audit.leaf.Gap;
import io.sanjiaodi.audit.leaf.Leaf;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The append-only Merkle log over {@code audit_entries}. One writer (the single audit listener
 * thread; the methods are synchronised anyway) assigns dense indexes in arrival order and links
 * each entry to its aggregate's previous one. MongoDB has no transactions here, so the only write
 * is one insert per entry (a batch is one ordered insertMany) and the in-memory state is updated
 * only after MongoDB accepted it: a crash at any point leaves a prefix of the log in MongoDB, and
 * the start-up rebuild continues from exactly that prefix. Any failed or uncertain insert makes
 * the log rebuild itself from MongoDB before the batch is retried.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile MerkleTree tree;
    private AggregateChains chains;
    private EventIds eventIds;
    private RecordedIds recordedIds;
    private AggregateScopes scopes;
    private volatile String broken;

    public AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        AuditIndexes.create(mongo);
        rebuild();
    }

    /** The tree of every appended leaf; it only grows (a rebuild replaces it with an equal one). */
    public MerkleTree tree() {
        return tree;
    }

    public synchronized List<Gap> gaps() {
        return chains.gaps();
    }

    /** Why appends are refused (the stored log contradicts a signed checkpoint), or null. */
    public String broken() {
        return broken;
    }

    /** The event id appended at a log index since the last start, also if its document was deleted since. */
    public synchronized String eventIdAt(long index) {
        return eventIds.get(index);
    }

    /** The jurisdiction the log derived for an aggregate (its first entry naming one), or null: the root's. */
    public synchronized String jurisdictionOf(String source, String aggregateId) {
        return scopes.jurisdictionOf(source, aggregateId);
    }

    public void markBroken(String reason) {
        log.error("audit log refuses appends: {}", reason);
        this.broken = reason;
    }

    /** Appends the events not yet in the log, in the given order; returns the entries appended. */
    public synchronized List<AuditEntry> append(List<AuditEntry> drafts) {
        return append(drafts, false);
    }

    /** {@code query}: ask MongoDB which ids are stored even if the fingerprints say none can be (a retry). */
    private List<AuditEntry> append(List<AuditEntry> drafts, boolean query) {
        if (broken != null) {
            throw new IllegalStateException("audit log is broken: " + broken);
        }
        boolean queried = query || drafts.stream().anyMatch(d -> recordedIds.mightContain(d.eventId()));
        List<AuditEntry> fresh = scopes.resolve(queried ? storedFilteredOut(drafts) : firstOfEachId(drafts));
        if (fresh.isEmpty()) {
            return fresh;
        }
        MerkleTree current = tree;
        long next = current.size();
        Map<String, byte[]> staged = new HashMap<>();
        List<AuditEntry> entries = new ArrayList<>(fresh.size());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (AuditEntry draft : fresh) {
            byte[] payloadHash = Leaf.payloadHash(draft.payload());
            byte[] prev = previous(draft, staged, current);
            byte[] leafHash = draft.inLog(next, now, payloadHash, prev, null)
                    .leaf(payloadHash, prev)
                    .hash();
            entries.add(draft.inLog(next, now, payloadHash, prev, leafHash));
            if (draft.chainKey() != null) {
                staged.putIfAbsent(draft.chainKey() + "#" + draft.aggregateSequence(), leafHash);
            }
            next++;
        }
        try {
            mongo.insert(entries, AuditEntry.class);
        } catch (RuntimeException e) {
            // part of the batch may be stored: start again from what MongoDB holds
            rebuild();
            if (!queried && broken == null && drafts.stream().anyMatch(d -> recordedIds.mightContain(d.eventId()))) {
                // stored behind this log's back (another writer, a lost acknowledgement): what the
                // query would have found first; do now what the append does with it
                return append(drafts, true);
            }
            throw e;
        }
        entries.forEach(this::applyToMemory);
        return entries;
    }

    /** No draft can be stored (every id MongoDB held at the last rebuild or accepted since is in the fingerprints). */
    private static List<AuditEntry> firstOfEachId(List<AuditEntry> drafts) {
        Set<String> seen = new HashSet<>();
        return drafts.stream().filter(d -> seen.add(d.eventId())).toList();
    }

    /** A probable redelivery: MongoDB says which drafts are stored. */
    private List<AuditEntry> storedFilteredOut(List<AuditEntry> drafts) {
        Set<String> ids = drafts.stream().map(AuditEntry::eventId).collect(Collectors.toSet());
        List<AuditEntry> existing = mongo.find(Query.query(Criteria.where("_id").in(ids)), AuditEntry.class);
        for (AuditEntry entry : existing) {
            if (entry.logIndex() != null && entry.logIndex() >= tree.size()) {
                // stored by an insert we saw fail; MongoDB is the truth
                rebuild();
                break;
            }
        }
        Set<String> seen = existing.stream().map(AuditEntry::eventId).collect(Collectors.toCollection(HashSet::new));
        return drafts.stream().filter(d -> seen.add(d.eventId())).toList();
    }

    /** The chain rule: the leaf of sequence n-1 if it is already in the log (or earlier in this batch), else none. */
    private byte[] previous(AuditEntry draft, Map<String, byte[]> staged, MerkleTree current) {
        String key = draft.chainKey();
        if (key == null) {
            return Leaf.NO_PREVIOUS;
        }
        long seq = draft.aggregateSequence() - 1;
        long index = chains.indexOf(key, seq);
        if (index >= 0) {
            return current.leafHash(index);
        }
        byte[] inBatch = staged.get(key + "#" + seq);
        return inBatch != null ? inBatch : Leaf.NO_PREVIOUS;
    }

    private void applyToMemory(AuditEntry e) {
        applyToMemory(
                e.logIndex(),
                e.eventId(),
                e.leafHash(),
                e.chainKey(),
                e.source(),
                e.aggregateId(),
                e.aggregateSequence(),
                e.recordedAt());
        scopes.record(e.source(), e.aggregateId(), e.unitId(), e.jurisdictionId());
    }

    private void applyToMemory(
            long logIndex,
            String eventId,
            String leafHash,
            String key,
            String source,
            String aggregateId,
            Long sequence,
            Instant recordedAt) {
        long index = tree.append(Sha256.unhex(leafHash));
        if (index != logIndex) {
            throw new IllegalStateException("log index " + logIndex + " appended as " + index);
        }
        eventIds.add(eventId);
        recordedIds.add(eventId);
        if (key != null && chains.record(key, source, aggregateId, sequence, index, recordedAt)) {
            Gap gap = chains.gapOf(key);
            if (gap != null) {
                log.warn(
                        "audit gap: {} {} misses sequence numbers {} (seen at index {}, event {})",
                        source,
                        aggregateId,
                        gap.missing(),
                        index,
                        eventId);
            } else {
                log.info(
                        "audit gap closed: {} {} is complete again (index {}, event {})",
                        source,
                        aggregateId,
                        index,
                        eventId);
            }
        }
    }

    /** Rebuilds tree and chains from the stored leaf hashes; stops at the first missing index. */
    public final synchronized void rebuild() {
        broken = null; // derived afresh too: a hole below and the checkpoint checks after a rebuild find a real break
        // again
        tree = new MerkleTree();
        chains = new AggregateChains();
        eventIds = new EventIds();
        recordedIds = new RecordedIds();
        scopes = new AggregateScopes();
        readStoredFrom(0);
        // the ids of stored entries outside the tree (from before the log, or after a hole); those
        // in it were recorded on the way
        var outside = new Document(
                "$or",
                List.of(new Document("logIndex", null), new Document("logIndex", new Document("$gte", tree.size()))));
        var ids = mongo.getCollection(mongo.getCollectionName(AuditEntry.class))
                .find(outside)
                .projection(new Document("_id", 1))
                .batchSize(10_000)
                .iterator();
        try (ids) {
            while (ids.hasNext()) {
                Object id = ids.next().get("_id");
                recordedIds.add(id == null ? null : id.toString());
            }
        }
        log.info(
                "audit log rebuilt from MongoDB: {} entries, {} aggregates with gaps",
                tree.size(),
                chains.gaps().size());
    }

    /** Adds what another instance appended since this one last looked (a standby's catch-up); writes nothing. */
    public synchronized void catchUp() {
        // most looks find nothing: an equality lookup on the unique logIndex, not the range scan
        if (broken == null
                && mongo.exists(Query.query(Criteria.where("logIndex").is(tree.size())), AuditEntry.class)) {
            readStoredFrom(tree.size());
        }
    }

    /** Applies the stored entries from {@code from} on in index order; stops at the first missing index. */
    private void readStoredFrom(long from) {
        // raw documents with only the fields the state needs, a range of indexes at a time
        LogOrder.forEach(
                mongo,
                Document.class,
                d -> {
                    long index = ((Number) d.get("logIndex")).longValue();
                    String eventId = d.getString("_id");
                    if (index != tree.size()) {
                        markBroken("entry at log index " + tree.size() + " is missing (next stored index is " + index
                                + ", event " + eventId + ")");
                        return false;
                    }
                    String aggregateId = d.getString("aggregateId");
                    Number seq = (Number) d.get("aggregateSequence");
                    String key = aggregateId == null || seq == null ? null : d.getString("source") + "|" + aggregateId;
                    applyToMemory(
                            index,
                            eventId,
                            d.getString("leafHash"),
                            key,
                            d.getString("source"),
                            aggregateId,
                            seq == null ? null : seq.longValue(),
                            d.getDate("recordedAt").toInstant());
                    scopes.record(
                            d.getString("source"), aggregateId, d.getString("unitId"), d.getString("jurisdictionId"));
                    return true;
                },
                LogOrder.RANGE,
                from,
                "logIndex",
                "leafHash",
                "source",
                "aggregateId",
                "aggregateSequence",
                "recordedAt",
                "unitId",
                "jurisdictionId");
    }
}
