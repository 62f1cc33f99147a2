package io.sanjiaodi.supervision.projection;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Builds the supervision models from the events of both topics. Every change is guarded by the
 * aggregate sequence number, so a redelivered or replayed event changes nothing. Every event of an
 * aggregate that has a model moves its sequence on, also the ones supervisors do not follow (list
 * items, extension requests), so that an event more than one past the model's sequence is a miss:
 * the missed events are fetched ({@link MissedEvents}) and applied first, never skipped.
 */
@Component
public class SupervisionProjector {

    private static final Logger log = LoggerFactory.getLogger(SupervisionProjector.class);
    private static final Kind<InterviewRecord> INTERVIEW =
            new Kind<>(InterviewRecord.class, "Interview", InterviewEvents.ROUTES, e -> {
                InterviewRecord view = new InterviewRecord();
                view.interviewId = e.aggregateId();
                return view;
            });
    private static final Kind<LedgerRecord> LEDGER =
            new Kind<>(LedgerRecord.class, "Rectification", LedgerEvents.ROUTES, e -> {
                LedgerRecord ledger = new LedgerRecord();
                ledger.ledgerId = e.aggregateId();
                ledger.openedOn = e.time().atOffset(ZoneOffset.UTC).toLocalDate();
                return ledger;
            });
    private final MongoTemplate mongo;
    private final ModelCollections collections;

    public SupervisionProjector(MongoTemplate mongo, ModelCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /** @return whether the event changed a model (false for a replay or an event supervisors do not follow) */
    public boolean apply(RecordedEvent e) {
        return apply(e, MissedEvents.NONE);
    }

    /** Applies one event, first fetching from {@code missed} what its model missed before it. */
    public boolean apply(RecordedEvent e, MissedEvents missed) {
        Batch batch = new Batch();
        boolean changed = apply(batch, e, missed);
        batch.save();
        return changed;
    }

    /**
     * Applies a batch in order, reading each touched model once and writing it once: a replay of
     * the topics touches a ledger dozens of times in a few hundred events, and round trips to the
     * store, not the changes, are what a rebuild spends its time on. A replay reads every event
     * there is, so a gap found here cannot be filled; it is logged.
     *
     * @return the events that changed a model, in order
     */
    public List<RecordedEvent> applyAll(List<RecordedEvent> events) {
        Batch batch = new Batch();
        if (events.size() > 1) {
            batch.preload(events);
        }
        List<RecordedEvent> changed = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (apply(batch, e, MissedEvents.NONE)) {
                changed.add(e);
            }
        }
        batch.save();
        return changed;
    }

    /** Drops the models that are read now. */
    public void reset() {
        mongo.dropCollection(collections.of(InterviewRecord.class));
        mongo.dropCollection(collections.of(LedgerRecord.class));
    }

    private boolean apply(Batch batch, RecordedEvent e, MissedEvents missed) {
        if (INTERVIEW.routes.follows(e)) {
            return apply(INTERVIEW, batch, e, missed);
        }
        if (LEDGER.routes.follows(e)) {
            return apply(LEDGER, batch, e, missed);
        }
        if (INTERVIEW.owns(e)) {
            return apply(INTERVIEW, batch, e, missed);
        }
        return LEDGER.owns(e) && apply(LEDGER, batch, e, missed);
    }

    /** @return whether the event changed what the model shows (moving the sequence on alone does not) */
    private <M> boolean apply(Kind<M> kind, Batch batch, RecordedEvent e, MissedEvents missed) {
        boolean follows = kind.routes.follows(e);
        M model = batch.load(e.aggregateId(), kind.type);
        if (model == null && !follows) {
            return false; // nothing of this aggregate is followed yet: no empty model under its id
        }
        long last = model == null ? -1 : kind.sequence(model);
        if (e.sequence() <= last) {
            return false;
        }
        if (e.sequence() > last + 1) {
            fill(kind, batch, e, last, missed);
            model = batch.load(e.aggregateId(), kind.type);
        }
        if (model == null) {
            model = kind.create.apply(e);
            batch.loaded.put(Batch.key(kind.type, e.aggregateId()), model);
        }
        if (follows) {
            kind.routes.apply(model, e);
        }
        kind.sequence(model, e.sequence());
        batch.dirty.put(model, model);
        return follows;
    }

    private <M> void fill(Kind<M> kind, Batch batch, RecordedEvent next, long last, MissedEvents missed) {
        int applied = 0;
        for (RecordedEvent e : missed.between(next, last + 1)) {
            if (e.aggregateId().equals(next.aggregateId()) && e.sequence() > last && e.sequence() < next.sequence()) {
                apply(kind, batch, e, MissedEvents.NONE);
                applied++;
            }
        }
        log.warn(
                "supervision model of {} had applied up to sequence {} when event {} arrived; {} missed events applied first",
                next.aggregateId(),
                last,
                next.sequence(),
                applied);
    }

    /** One kind of model: its class, the producer's aggregate type and the events it follows. */
    private record Kind<M>(
            Class<M> type, String aggregateType, EventRoutes<M> routes, Function<RecordedEvent, M> create) {

        boolean owns(RecordedEvent e) {
            return aggregateType.equals(e.aggregateType());
        }

        long sequence(M model) {
            return model instanceof InterviewRecord v ? v.lastSequence : ((LedgerRecord) model).lastSequence;
        }

        void sequence(M model, long seq) {
            if (model instanceof InterviewRecord v) {
                v.lastSequence = seq;
            } else {
                ((LedgerRecord) model).lastSequence = seq;
            }
        }
    }

    /** The models one batch has read (a miss is remembered too) and those it changed. */
    private final class Batch {
        private final Map<String, Object> loaded = new HashMap<>();
        private final Map<Object, Object> dirty = new IdentityHashMap<>();

        /** One query per model type for every aggregate of the batch ({@code _id $in} is answered from the id index). */
        void preload(List<RecordedEvent> events) {
            Set<String> ids = new HashSet<>();
            events.forEach(e -> ids.add(e.aggregateId()));
            preload(ids, InterviewRecord.class, r -> r.interviewId);
            preload(ids, LedgerRecord.class, r -> r.ledgerId);
        }

        private <T> void preload(Set<String> ids, Class<T> type, Function<T, String> id) {
            ids.forEach(each -> loaded.put(key(type, each), null));
            mongo.find(Query.query(Criteria.where("_id").in(ids)), type, collections.of(type))
                    .forEach(found -> loaded.put(key(type, id.apply(found)), found));
        }

        /** A single changed model is saved as before; more go in one unordered bulk write per model type. */
        void save() {
            if (dirty.size() == 1) {
                dirty.values().forEach(model -> mongo.save(model, collections.of(model.getClass())));
                return;
            }
            bulk(InterviewRecord.class, r -> r.interviewId);
            bulk(LedgerRecord.class, r -> r.ledgerId);
        }

        private <T> void bulk(Class<T> type, Function<T, String> id) {
            List<T> records = dirty.values().stream()
                    .filter(type::isInstance)
                    .map(type::cast)
                    .toList();
            if (records.isEmpty()) {
                return;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type, collections.of(type));
            records.forEach(r -> bulk.replaceOne(
                    Query.query(Criteria.where("_id").is(id.apply(r))),
                    r,
                    FindAndReplaceOptions.options().upsert()));
            bulk.execute();
        }

        <T> T load(String id, Class<T> type) {
            String key = key(type, id);
            if (loaded.containsKey(key)) {
                return type.cast(loaded.get(key));
            }
            T found = mongo.findById(id, type, collections.of(type));
            loaded.put(key, found);
            return found;
        }

        static String key(Class<?> type, String id) {
            return type.getSimpleName() + "|" + id;
        }
    }
}
