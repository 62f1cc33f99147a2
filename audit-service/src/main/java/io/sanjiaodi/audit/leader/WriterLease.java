package io.sanjiaodi.audit.leader;

import com.mongodb.client.result.UpdateResult;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The audit log's writer lease: one document in {@code audit_writer} naming the process that
 * writes. The writer renews it by counting up {@code beat}; a standby takes it over only after it
 * has seen the same process and beat for {@code ttl} on its own monotonic clock, with an update
 * conditioned on exactly that process and beat, so two standbys cannot both win and no instance
 * compares its wall clock with another's (a skewed clock on one instance changes nothing here).
 * <p>
 * The writer counts its lease as held for {@code ttl / 2} after it <em>sent</em> its last
 * successful renewal, and a standby waits a full {@code ttl} after it <em>saw</em> that renewal:
 * with clocks that run at about the same rate, the old writer has stopped before the new one
 * starts. A writer frozen past that (SIGSTOP, a long GC) finds its lease gone when it runs again;
 * the log's unique indexes (event id, log index) refuse anything it had in flight, and its
 * append then rebuilds from MongoDB, so even that overlap cannot fork or duplicate the log.
 */
public final class WriterLease implements WriterRole {

    static final String COLLECTION = "audit_writer";
    private static final String ID = "writer";
    private static final String RELEASED = "released";
    private static final Logger log = LoggerFactory.getLogger(WriterLease.class);

    private final MongoTemplate mongo;
    private final String instance;
    private final String process = UUID.randomUUID().toString();
    private final long ttlNanos;
    private final LongSupplier nanos;
    private volatile boolean holding;
    private volatile long heldUntil;
    private volatile long epoch;
    private Sighting seen;

    /** The lease as a standby last saw it, and since when (this instance's monotonic clock). */
    private record Sighting(String process, long beat, long since) {}

    public WriterLease(MongoTemplate mongo, String instance, Duration ttl) {
        this(mongo, instance, ttl, System::nanoTime);
    }

    WriterLease(MongoTemplate mongo, String instance, Duration ttl, LongSupplier nanos) {
        this.mongo = mongo;
        this.instance = instance;
        this.ttlNanos = ttl.toNanos();
        this.nanos = nanos;
    }

    /** Held, and renewed recently enough that no standby can have taken it over yet. */
    @Override
    public boolean isWriter() {
        return holding && nanos.getAsLong() - heldUntil < 0;
    }

    /** The number of times the lease changed hands, as of this instance's last look; 0 before any. */
    public long epoch() {
        return epoch;
    }

    public String instance() {
        return instance;
    }

    /**
     * One renewal (writer) or look (standby). A store failure counts as neither: the writer's lease
     * runs out on its own, and a standby starts watching afresh, since it saw nothing change only
     * because it saw nothing.
     *
     * @return whether this instance is the writer after the tick
     */
    public synchronized boolean tick() {
        long sent = nanos.getAsLong();
        try {
            if (holding) {
                renew(sent);
            } else {
                lookAndMaybeTakeOver(sent);
            }
        } catch (DataAccessException | com.mongodb.MongoException e) {
            seen = null;
            log.debug("writer lease not reached: {}", e.getMessage());
        }
        return isWriter();
    }

    private void renew(long sent) {
        UpdateResult renewed = mongo.updateFirst(mine(), new Update().inc("beat", 1), COLLECTION);
        if (renewed.getMatchedCount() == 1) {
            heldUntil = sent + ttlNanos / 2;
        } else {
            holding = false;
            log.warn("audit writer lease lost: another instance took it over; this one is a standby now");
        }
    }

    private void lookAndMaybeTakeOver(long sent) {
        Document lease = mongo.findById(ID, Document.class, COLLECTION);
        if (lease == null) {
            try {
                mongo.insert(
                        new Document("_id", ID)
                                .append("holder", instance)
                                .append("process", process)
                                .append("epoch", 1L)
                                .append("beat", 0L),
                        COLLECTION);
                won(sent, 1);
            } catch (DuplicateKeyException another) {
                // another instance created it first: watch it from the next tick
            }
            return;
        }
        String theirs = lease.getString("process");
        long beat = ((Number) lease.get("beat")).longValue();
        long theirEpoch = ((Number) lease.get("epoch")).longValue();
        epoch = theirEpoch;
        // a lease held under this instance's own id is a predecessor's (it cannot run twice on one
        // port); a released one is nobody's
        String holder = lease.getString("holder");
        if (!instance.equals(holder) && !RELEASED.equals(holder)) {
            if (seen == null || !seen.process().equals(theirs) || seen.beat() != beat) {
                seen = new Sighting(theirs, beat, sent);
                return;
            }
            if (sent - seen.since() < ttlNanos) {
                return;
            }
        }
        Query unchanged = Query.query(Criteria.where("_id")
                .is(ID)
                .and("process")
                .is(theirs)
                .and("beat")
                .is(beat));
        Update takeOver = new Update()
                .set("holder", instance)
                .set("process", process)
                .set("beat", 0L)
                .inc("epoch", 1);
        if (mongo.updateFirst(unchanged, takeOver, COLLECTION).getModifiedCount() == 1) {
            won(sent, theirEpoch + 1);
        }
    }

    private void won(long sent, long newEpoch) {
        epoch = newEpoch;
        heldUntil = sent + ttlNanos / 2;
        holding = true;
        seen = null;
        log.info("audit writer lease taken by {} (epoch {})", instance, newEpoch);
    }

    /** Gives the lease up on a clean shutdown, so that a standby takes over at its next look. */
    public synchronized void release() {
        if (!holding) {
            return;
        }
        holding = false;
        try {
            // a holder nobody runs under: the next look of any standby may take it over at once
            mongo.updateFirst(mine(), new Update().set("holder", RELEASED), COLLECTION);
        } catch (DataAccessException | com.mongodb.MongoException e) {
            log.debug("writer lease not released (a standby takes over after the ttl): {}", e.getMessage());
        }
    }

    private Query mine() {
        return Query.query(Criteria.where("_id").is(ID).and("process").is(process));
    }
}
