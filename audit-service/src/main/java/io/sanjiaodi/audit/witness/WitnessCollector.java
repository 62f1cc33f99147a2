package io.sanjiaodi.audit.witness;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.leader.WriterRole;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Collects the witnesses' cosignatures of the latest checkpoint on its own thread (the writer only), so no append or
 * signature waits on a witness. Each witness gets the old size it last accepted (its newest stored cosignature); on
 * 409 the size from its body, retried once; failures back off up to a minute and show in health and metrics.
 */
@Component
public class WitnessCollector {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(WitnessCollector.class);

    private final WitnessProperties properties;
    private final MongoTemplate mongo;
    private final AuditLog auditLog;
    private final ObjectProvider<CheckpointService> checkpoints;
    private final WriterRole role;
    private final MeterRegistry meters;
    private final Clock clock;
    private final WitnessClient client = new WitnessClient(TIMEOUT);
    private final Map<String, CosignerKey> keys = new LinkedHashMap<>();
    private final Map<String, WitnessStatus> statuses = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-witnesses");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();

    public WitnessCollector(
            WitnessProperties properties,
            MongoTemplate mongo,
            AuditLog auditLog,
            ObjectProvider<CheckpointService> checkpoints,
            ObjectProvider<MeterRegistry> meters,
            Clock clock,
            WriterRole role) {
        this.role = role; // only the writer asks the witnesses
        this.properties = properties;
        this.mongo = mongo;
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.clock = clock;
        // the newest cosignature per witness (its accepted size) and per size (what is served) are looked up
        mongo.indexOps(StoredCosignature.class).ensureIndex(new Index("treeSize", Sort.Direction.DESC));
        mongo.indexOps(StoredCosignature.class)
                .ensureIndex(new Index("witness", Sort.Direction.ASC).on("treeSize", Sort.Direction.DESC));
        for (WitnessProperties.Witness w : properties.witnesses()) {
            CosignerKey key = CosignerKey.parse(w.verifierKey());
            if (!key.name().equals(w.name())) {
                throw new IllegalArgumentException("witness " + w.name() + " has a verifier key named " + key.name());
            }
            keys.put(w.name(), key);
            statuses.put(w.name(), WitnessStatus.pending(w.name(), acceptedSize(w.name())));
        }
    }

    @Scheduled(fixedDelay = 500)
    void tick() {
        if (!keys.isEmpty() && role.isWriter() && running.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    round();
                } catch (RuntimeException e) {
                    log.error("witness round failed", e);
                } finally {
                    running.set(false);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** One pass: every witness that is due and lacks the latest checkpoint is asked for its cosignature. */
    public void round() {
        Checkpoint latest = checkpoints.getObject().latest().orElse(null);
        if (latest == null || latest.note() == null) {
            return; // nothing signed yet, or only in the format from before C2SP notes
        }
        for (WitnessProperties.Witness w : properties.witnesses()) {
            WitnessStatus status = status(w.name());
            boolean done = status.acceptedSize() == latest.treeSize()
                    && status.state().equals("OK")
                    && !isOlderThanRefresh(status.lastCosigned());
            if (!done && !clock.instant().isBefore(status.nextAttempt())) {
                submit(w, latest);
            }
        }
    }

    public synchronized List<WitnessStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    synchronized WitnessStatus status(String witness) {
        return statuses.get(witness);
    }

    private void submit(WitnessProperties.Witness w, Checkpoint checkpoint) {
        long size = checkpoint.treeSize();
        long old = status(w.name()).acceptedSize();
        WitnessClient.Answer answer = client.addCheckpoint(w.url(), old, proof(old, size), checkpoint.note());
        long held = -1;
        if (answer.status() == 409) {
            held = heldSize(answer);
            if (held >= 0) {
                old = held;
                answer = client.addCheckpoint(w.url(), old, proof(old, size), checkpoint.note());
            }
        }
        if (answer.status() == 200) {
            accept(w, checkpoint, answer);
        } else {
            fail(w, checkpoint, answer.unreachable() ? "UNREACHABLE" : "REFUSED", answer, old, held);
        }
    }

    private void accept(WitnessProperties.Witness w, Checkpoint checkpoint, WitnessClient.Answer answer) {
        String text = noteText(checkpoint.note());
        CosignerKey key = keys.get(w.name());
        List<String> valid = new ArrayList<>();
        long time = -1;
        for (String line : answer.body().split("\n")) {
            long t = key.verify(line, text);
            if (t > 0) {
                valid.add(line);
                time = t;
            }
        }
        if (valid.isEmpty()) {
            fail(w, checkpoint, "BAD_COSIGNATURE", answer, -1, -1);
            return;
        }
        long size = checkpoint.treeSize();
        StoredCosignature stored = mongo.findOne(
                Query.query(Criteria.where("treeSize").is(size).and("witness").is(w.name()))
                        .with(Sort.by(Sort.Direction.DESC, "time"))
                        .limit(1),
                StoredCosignature.class);
        if (stored != null && time < stored.time()) {
            // an answer older than one already held: a replayed response (a proxy, a cache), not the witness's word now
            fail(
                    w,
                    checkpoint,
                    "REPLAYED",
                    answer.withDetail("COSIGNATURE_REPLAYED time " + time + " is older than the stored cosignature's "
                            + stored.time()),
                    -1,
                    -1);
            return;
        }
        if (isOlderThanRefresh(Instant.ofEpochSecond(time))) {
            // readers who check a cosignature's time would reject it; the witness's clock or a replay is at fault
            fail(
                    w,
                    checkpoint,
                    "STALE",
                    answer.withDetail("COSIGNATURE_STALE time " + time + " is more than "
                            + properties.cosignatureRefresh() + " before " + clock.instant()),
                    -1,
                    -1);
            return;
        }
        if (stored == null || time > stored.time()) {
            // insert-only: a refresh of the same checkpoint is another document (the same word, a later time)
            String id = stored == null
                    ? StoredCosignature.id(size, w.name())
                    : StoredCosignature.refreshId(size, w.name(), time);
            try {
                mongo.insert(new StoredCosignature(id, size, w.name(), valid.get(0), time, clock.instant()));
            } catch (DuplicateKeyException raced) {
                // another round stored this cosignature first: either is the witness's word
            }
        }
        meters.counter("audit.witness.cosignatures", "witness", w.name()).increment();
        synchronized (this) {
            statuses.put(
                    w.name(),
                    new WitnessStatus(w.name(), "OK", size, size, size, 200, null, 0, clock.instant(), Instant.EPOCH));
        }
        log.debug("witness {} cosigned checkpoint {}", w.name(), size);
    }

    private boolean isOlderThanRefresh(Instant when) {
        return when == null || when.isBefore(clock.instant().minus(properties.cosignatureRefresh()));
    }

    private void fail(
            WitnessProperties.Witness w,
            Checkpoint checkpoint,
            String state,
            WitnessClient.Answer answer,
            long old,
            long held) {
        WitnessStatus previous = status(w.name());
        int failures = previous.failures() + 1;
        long backOff = Math.min(MAX_BACK_OFF.toMillis(), 500L << Math.min(failures, 10));
        String detail = answer.body() == null
                ? ""
                : answer.body().strip().lines().findFirst().orElse("");
        WitnessStatus status = new WitnessStatus(
                w.name(),
                state,
                previous.acceptedSize(),
                checkpoint.treeSize(),
                held,
                answer.status(),
                detail,
                failures,
                previous.lastCosigned(),
                clock.instant().plusMillis(backOff));
        synchronized (this) {
            statuses.put(w.name(), status);
        }
        meters.counter("audit.witness.failures", "witness", w.name(), "state", state)
                .increment();
        if (state.equals("UNREACHABLE")) {
            log.warn(
                    "witness {} unreachable for checkpoint {} ({} failures): {}",
                    w.name(),
                    checkpoint.treeSize(),
                    failures,
                    detail);
        } else {
            // a refusal may mean the witness saw another history of this log: an operator must look
            log.error(
                    "witness {} {} checkpoint {} (old size {}): HTTP {} {}",
                    w.name(),
                    state,
                    checkpoint.treeSize(),
                    old,
                    answer.status(),
                    detail);
        }
    }

    private List<byte[]> proof(long old, long size) {
        return old > 0 && old < size ? auditLog.tree().consistencyProof(old, size) : List.of();
    }

    /** The largest size the witness cosigned for this log: the stored cosignatures are the record of it. */
    private long acceptedSize(String witness) {
        StoredCosignature newest = mongo.findOne(
                Query.query(Criteria.where("witness").is(witness))
                        .with(Sort.by(Sort.Direction.DESC, "treeSize"))
                        .limit(1),
                StoredCosignature.class);
        return newest == null ? 0 : newest.treeSize();
    }

    private static long heldSize(WitnessClient.Answer answer) {
        try {
            return Long.parseLong(answer.body().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The note's text: everything up to the blank line before its signatures. */
    static String noteText(String note) {
        return note.substring(0, note.lastIndexOf("\n\n") + 1);
    }
}
