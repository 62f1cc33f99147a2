package io.sanjiaodi.audit.completeness;

import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.contracts.statement.ProducerStatement;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The producers' statements as received, insert-only in {@code producer_statements} with their
 * verdict: ACCEPTED (signature verifies against the producer's key) or FORGED (it does not, or the
 * statement names another key than the one pinned for the producer). Keys come from
 * {@code audit.completeness.producer-keys} or are pinned on first use ({@code producer_keys}).
 * In memory: per producer the statements still within the grace and the last one past it, every
 * aggregate head ever stated with when, and the forged ones.
 */
@Component
public class ProducerStatements {

    static final String COLLECTION = "producer_statements";
    static final String KEYS = "producer_keys";
    static final int MAX_FORGED_IN_MEMORY = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ProducerStatements.class);
    private final MongoTemplate mongo;
    private final CompletenessProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Received>> accepted = new HashMap<>();
    private final Map<String, Map<String, StatedHead>> heads = new HashMap<>();
    private final List<Received> forged = new ArrayList<>();

    /** A statement with when it arrived and the verdict. */
    public record Received(String id, ProducerStatement statement, Instant receivedAt, String verdict, String reason) {}

    public record StatedHead(long sequence, Instant statedAt) {}

    public ProducerStatements(MongoTemplate mongo, CompletenessProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        reload();
    }

    /** Forgets what it holds and reads every stored statement again (a standby taking over the writer role). */
    public final synchronized void reload() {
        accepted.clear();
        heads.clear();
        forged.clear();
        for (Document d : mongo.getCollection(COLLECTION).find().sort(new Document("receivedAt", 1))) {
            remember(of(d));
        }
    }

    /** Verifies, stores and remembers a statement; a redelivered one (same id) is returned as first judged. */
    public synchronized Received receive(String id, ProducerStatement statement) {
        Received received = judge(id, statement);
        try {
            mongo.insert(document(received), COLLECTION);
        } catch (DuplicateKeyException again) {
            return of(mongo.getCollection(COLLECTION)
                    .find(new Document("_id", id))
                    .first());
        }
        remember(received);
        if (received.verdict().equals("FORGED")) {
            log.error("forged producer statement {} for {}: {}", id, statement.producer(), received.reason());
        }
        return received;
    }

    private Received judge(String id, ProducerStatement statement) {
        Instant now = clock.instant();
        if (statement.producer() == null || statement.producer().isBlank()) {
            return new Received(id, statement, now, "FORGED", "names no producer");
        }
        PublicKey key;
        try {
            key = keyOf(statement);
        } catch (IllegalArgumentException badConfiguredKey) {
            return new Received(id, statement, now, "FORGED", "the producer's configured key is not an Ed25519 key");
        }
        if (key == null) {
            return new Received(id, statement, now, "FORGED", "names no valid public key");
        }
        if (!statement.verify(key)) {
            return new Received(id, statement, now, "FORGED", "signature does not verify with the producer's key");
        }
        return new Received(id, statement, now, "ACCEPTED", null);
    }

    /** The configured key, else the pinned one, else (first statement) the stated one, pinned now. */
    private PublicKey keyOf(ProducerStatement statement) {
        Optional<PublicKey> held = keyOf(statement.producer());
        if (held.isPresent()) {
            return held.get();
        }
        PublicKey stated = statement.statedKey();
        if (stated == null || !statement.verify(stated)) {
            return stated; // nothing is pinned from a statement that does not verify
        }
        try {
            mongo.insert(
                    new Document("_id", statement.producer())
                            .append("publicKey", Base64.getEncoder().encodeToString(stated.getEncoded()))
                            .append("pinnedAt", java.util.Date.from(clock.instant())),
                    KEYS);
            log.info("pinned the statement key of producer {} on first use", statement.producer());
        } catch (DuplicateKeyException raced) {
            return keyOf(statement);
        }
        return stated;
    }

    private void remember(Received r) {
        if (!"ACCEPTED".equals(r.verdict())) {
            if (forged.size() >= MAX_FORGED_IN_MEMORY) {
                forged.remove(0); // a flood of forgeries must not exhaust memory; all stay in MongoDB
            }
            forged.add(r);
            return;
        }
        accepted.computeIfAbsent(r.statement().producer(), k -> new ArrayDeque<>())
                .addLast(r);
        Map<String, StatedHead> producerHeads =
                heads.computeIfAbsent(r.statement().producer(), k -> new HashMap<>());
        for (ProducerStatement.Head head : r.statement().heads()) {
            producerHeads.merge(
                    head.aggregateId(),
                    new StatedHead(head.sequence(), r.receivedAt()),
                    (old, now) -> now.sequence() >= old.sequence() ? now : old);
        }
    }

    /** The producers that have stated anything accepted. */
    public synchronized List<String> producers() {
        return accepted.keySet().stream().sorted().toList();
    }

    public synchronized Optional<Received> latest(String producer) {
        Deque<Received> all = accepted.get(producer);
        return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** The latest accepted statement received before {@code instant} (the one the grace no longer covers). */
    public synchronized Optional<Received> latestBefore(String producer, Instant instant) {
        Deque<Received> all = accepted.get(producer);
        if (all == null) {
            return Optional.empty();
        }
        // only the newest one past the grace is ever asked for: drop the older ones from memory
        while (all.size() > 1
                && all.stream().skip(1).findFirst().orElseThrow().receivedAt().isBefore(instant)) {
            all.removeFirst();
        }
        Received first = all.getFirst();
        return first.receivedAt().isBefore(instant) ? Optional.of(first) : Optional.empty();
    }

    public synchronized Map<String, StatedHead> heads(String producer) {
        return Map.copyOf(heads.getOrDefault(producer, Map.of()));
    }

    public synchronized List<Received> forged() {
        return List.copyOf(forged);
    }

    /** The producer's most recent accepted statements, newest first, from MongoDB. */
    public List<Received> recent(String producer, int limit) {
        Query query = Query.query(
                        Criteria.where("producer").is(producer).and("verdict").is("ACCEPTED"))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(ProducerStatements::of)
                .toList();
    }

    /**
     * The newest accepted statement of any producer that names {@code aggregateId} among its heads
     * and was made (its signed time) at or before {@code notAfter}: what the producer had published of
     * that aggregate by then (for the ledger archive).
     */
    public Optional<Received> newestNaming(String aggregateId, Instant notAfter) {
        Query query = Query.query(Criteria.where("verdict")
                        .is("ACCEPTED")
                        .and("heads.aggregateId")
                        .is(aggregateId)
                        .and("time")
                        .lte(notAfter.toEpochMilli()))
                .with(Sort.by(Sort.Direction.DESC, "time"))
                .limit(1);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .findFirst()
                .map(ProducerStatements::of);
    }

    /** The key a producer's statements are held to: the configured one, else the one pinned on first use. */
    public Optional<PublicKey> keyOf(String producer) {
        String configured = properties.producerKeys().get(producer);
        if (configured != null) {
            return Optional.of(Keys.publicKey(configured));
        }
        Document pinned =
                mongo.getCollection(KEYS).find(new Document("_id", producer)).first();
        return pinned == null ? Optional.empty() : Optional.of(Keys.publicKey(pinned.getString("publicKey")));
    }

    /** An accepted statement of a producer with this size (the latest such), from MongoDB. */
    public Optional<Received> find(String producer, Long size) {
        Criteria criteria =
                Criteria.where("producer").is(producer).and("verdict").is("ACCEPTED");
        if (size != null) {
            criteria = criteria.and("size").is(size);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .limit(1);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .findFirst()
                .map(ProducerStatements::of);
    }

    private static Document document(Received r) {
        ProducerStatement s = r.statement();
        return new Document("_id", r.id())
                .append("producer", s.producer())
                .append("size", s.size())
                .append("rootHash", s.rootHash())
                .append("time", s.time())
                .append(
                        "heads",
                        s.heads().stream()
                                .map(h -> new Document("aggregateId", h.aggregateId()).append("sequence", h.sequence()))
                                .toList())
                .append("publicKey", s.publicKey())
                .append("signature", s.signature())
                .append("receivedAt", java.util.Date.from(r.receivedAt()))
                .append("verdict", r.verdict())
                .append("reason", r.reason());
    }

    private static Received of(Document d) {
        List<ProducerStatement.Head> heads = d.getList("heads", Document.class, List.of()).stream()
                .map(h -> new ProducerStatement.Head(
                        h.getString("aggregateId"), ((Number) h.get("sequence")).longValue()))
                .toList();
        ProducerStatement s = new ProducerStatement(
                d.getString("producer"),
                ((Number) d.get("size")).longValue(),
                d.getString("rootHash"),
                ((Number) d.get("time")).longValue(),
                heads,
                d.getString("publicKey"),
                d.getString("signature"));
        return new Received(
                d.getString("_id"),
                s,
                d.getDate("receivedAt").toInstant(),
                d.getString("verdict"),
                d.getString("reason"));
    }
}
