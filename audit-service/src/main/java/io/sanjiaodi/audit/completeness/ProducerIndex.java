package io.sanjiaodi.audit.completeness;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.contracts.CloudEventAttributes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Which producer positions the log holds: {@code producer_positions} (insert-only, one document per
 * recorded event: its id, producer, {@code producerseq}, aggregate and sequence) and, in memory, per
 * producer the RFC 9162 tree over the ids of the dense prefix 1..k it holds (leaf = SHA-256(0x00 ||
 * UTF-8 id), the producers' own leaf), the positions beyond a hole, and per aggregate the sequence
 * numbers seen. Rebuilt from MongoDB at start; fed by the ingestor after each stored batch.
 */
@Component
public class ProducerIndex {

    static final String COLLECTION = "producer_positions";
    private static final Logger log = LoggerFactory.getLogger(ProducerIndex.class);
    private final MongoTemplate mongo;
    private final Map<String, Stream> streams = new HashMap<>();

    /** One recorded event's place in its producer's stream. */
    public record Position(String eventId, String producer, long position, String aggregateId, Long sequence) {}

    static final class Stream {
        final MerkleTree tree = new MerkleTree();
        final TreeMap<Long, String> beyond = new TreeMap<>();
        final Map<String, BitSet> aggregates = new HashMap<>();
    }

    public ProducerIndex(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION)
                .ensureIndex(new Index().on("producer", Sort.Direction.ASC).on("position", Sort.Direction.ASC));
        reload();
    }

    /** Forgets what it holds and reads every stored position again (a standby taking over the writer role). */
    public final synchronized void reload() {
        streams.clear();
        for (Document d :
                mongo.getCollection(COLLECTION).find().sort(new Document("producer", 1).append("position", 1))) {
            remember(of(d));
        }
        log.info("producer positions rebuilt from MongoDB: {} producers", streams.size());
    }

    /** The producer a CloudEvents source names ({@code /sanjiaodi/<service>}), or the source itself. */
    public static String producerOf(String source) {
        return source != null && source.startsWith(CloudEventAttributes.SOURCE_PREFIX)
                ? source.substring(CloudEventAttributes.SOURCE_PREFIX.length())
                : source;
    }

    /** Stores and remembers the positions of events the log now holds (again: a redelivery is a no-op). */
    public synchronized void record(List<Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        List<Document> docs = positions.stream().map(ProducerIndex::document).toList();
        try {
            mongo.getCollection(COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // a redelivered event is stored already (its id is the key); anything else is a real failure
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                throw e;
            }
        }
        positions.forEach(this::remember);
    }

    private void remember(Position p) {
        Stream stream = streams.computeIfAbsent(p.producer(), k -> new Stream());
        long next = stream.tree.size() + 1;
        if (p.position() >= next && !stream.beyond.containsKey(p.position())) {
            stream.beyond.put(p.position(), p.eventId());
            while (!stream.beyond.isEmpty() && stream.beyond.firstKey() == stream.tree.size() + 1) {
                stream.tree.append(leafHash(stream.beyond.pollFirstEntry().getValue()));
            }
        }
        if (p.aggregateId() != null && p.sequence() != null && p.sequence() >= 0 && p.sequence() < Integer.MAX_VALUE) {
            stream.aggregates
                    .computeIfAbsent(p.aggregateId(), k -> new BitSet())
                    .set(p.sequence().intValue());
        }
    }

    /** How many positions from 1 on the log holds without a hole. */
    public synchronized long denseSize(String producer) {
        Stream s = streams.get(producer);
        return s == null ? 0 : s.tree.size();
    }

    /** The root over positions 1..size, if the log holds all of them, else null. */
    public synchronized byte[] root(String producer, long size) {
        Stream s = streams.get(producer);
        long dense = s == null ? 0 : s.tree.size();
        return size > dense ? null : size == 0 ? Sha256.emptyRoot() : s.tree.root(size);
    }

    /** The positions in 1..size the log lacks: at most {@code limit} listed, all counted. */
    public synchronized Missing missingPositions(String producer, long size, int limit) {
        Stream s = streams.get(producer);
        long dense = s == null ? 0 : s.tree.size();
        List<Long> listed = new ArrayList<>();
        long count = 0;
        for (long p = dense + 1; p <= size; p++) {
            Long held = s == null ? null : s.beyond.ceilingKey(p);
            if (held == null || held > size) {
                // nothing held from here on: the rest of the range is missing, counted at once
                for (long q = p; q <= size && listed.size() < limit; q++) {
                    listed.add(q);
                }
                count += size - p + 1;
                break;
            }
            if (held != p) {
                count++;
                if (listed.size() < limit) {
                    listed.add(p);
                }
            }
        }
        return new Missing(listed, count);
    }

    public record Missing(List<Long> positions, long count) {}

    /** The sequence numbers 0..last of an aggregate the log lacks, as ranges; empty when it holds all. */
    public synchronized List<SequenceRange> missingSequences(String producer, String aggregateId, long last) {
        Stream s = streams.get(producer);
        BitSet seen = s == null ? null : s.aggregates.get(aggregateId);
        List<SequenceRange> ranges = new ArrayList<>();
        if (seen != null && seen.nextClearBit(0) > last) {
            return ranges; // the usual case, without walking the sequence numbers
        }
        long from = -1;
        for (long q = 0; q <= last; q++) {
            boolean has = seen != null && q < Integer.MAX_VALUE && seen.get((int) q);
            if (!has && from < 0) {
                from = q;
            } else if (has && from >= 0) {
                ranges.add(new SequenceRange(from, q - 1));
                from = -1;
            }
        }
        if (from >= 0) {
            ranges.add(new SequenceRange(from, last));
        }
        return ranges;
    }

    /** Whether the log holds no event of the aggregate at all. */
    public synchronized boolean knows(String producer, String aggregateId) {
        Stream s = streams.get(producer);
        return s != null && s.aggregates.containsKey(aggregateId);
    }

    public synchronized Set<String> producers() {
        return Set.copyOf(streams.keySet());
    }

    /** The recorded positions from..to of a producer, in order (a page for the completeness proof). */
    public List<Position> positions(String producer, long from, long to) {
        List<Position> page = new ArrayList<>();
        var query =
                new Document("producer", producer).append("position", new Document("$gte", from).append("$lte", to));
        for (Document d : mongo.getCollection(COLLECTION).find(query).sort(new Document("position", 1))) {
            page.add(of(d));
        }
        return page;
    }

    public record SequenceRange(long from, long to) {}

    public static byte[] leafHash(String eventId) {
        return Sha256.leafHash(eventId.getBytes(StandardCharsets.UTF_8));
    }

    private static Document document(Position p) {
        return new Document("_id", p.eventId())
                .append("producer", p.producer())
                .append("position", p.position())
                .append("aggregateId", p.aggregateId())
                .append("aggregateSequence", p.sequence());
    }

    private static Position of(Document d) {
        Number seq = (Number) d.get("aggregateSequence");
        return new Position(
                d.getString("_id"),
                d.getString("producer"),
                ((Number) d.get("position")).longValue(),
                d.getString("aggregateId"),
                seq == null ? null : seq.longValue());
    }
}
