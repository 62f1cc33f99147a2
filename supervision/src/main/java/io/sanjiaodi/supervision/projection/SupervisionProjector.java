package io.sanjiaodi.supervision.projection;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Builds the supervision models from the events of both topics. Every change is guarded by the
 * aggregate sequence number, so a redelivered or replayed event changes nothing.
 */
@Component
public class SupervisionProjector {

    private final MongoTemplate mongo;

    public SupervisionProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether the event changed a model (false for a replay or an event supervisors do not follow) */
    public boolean apply(RecordedEvent e) {
        return !applyAll(List.of(e)).isEmpty();
    }

    /**
     * Applies a batch in order, reading each touched model once and writing it once: a replay of
     * the topics touches a ledger dozens of times in a few hundred events, and round trips to the
     * store, not the changes, are what a rebuild spends its time on.
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
            boolean applied = InterviewEvents.ROUTES.follows(e)
                    ? interview(batch, e, view -> InterviewEvents.ROUTES.apply(view, e))
                    : LedgerEvents.ROUTES.follows(e)
                            && ledger(batch, e, ledger -> LedgerEvents.ROUTES.apply(ledger, e));
            if (applied) {
                changed.add(e);
            }
        }
        batch.save();
        return changed;
    }

    public void reset() {
        mongo.dropCollection(InterviewRecord.class);
        mongo.dropCollection(LedgerRecord.class);
    }

    private boolean interview(Batch batch, RecordedEvent e, Consumer<InterviewRecord> change) {
        InterviewRecord view = batch.load(e.aggregateId(), InterviewRecord.class);
        if (view == null) {
            view = new InterviewRecord();
            view.interviewId = e.aggregateId();
            batch.loaded.put("InterviewRecord|" + e.aggregateId(), view);
        }
        if (view.lastSequence >= e.sequence()) {
            return false;
        }
        change.accept(view);
        view.lastSequence = e.sequence();
        batch.dirty.put(view, view);
        return true;
    }

    private boolean ledger(Batch batch, RecordedEvent e, Consumer<LedgerRecord> change) {
        LedgerRecord ledger = batch.load(e.aggregateId(), LedgerRecord.class);
        if (ledger == null) {
            ledger = new LedgerRecord();
            ledger.ledgerId = e.aggregateId();
            ledger.openedOn = e.time().atOffset(ZoneOffset.UTC).toLocalDate();
            batch.loaded.put("LedgerRecord|" + e.aggregateId(), ledger);
        }
        if (ledger.lastSequence >= e.sequence()) {
            return false;
        }
        change.accept(ledger);
        ledger.lastSequence = e.sequence();
        batch.dirty.put(ledger, ledger);
        return true;
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
            ids.forEach(each -> loaded.put(type.getSimpleName() + "|" + each, null));
            mongo.find(Query.query(Criteria.where("_id").in(ids)), type)
                    .forEach(found -> loaded.put(type.getSimpleName() + "|" + id.apply(found), found));
        }

        /** A single changed model is saved as before; more go in one unordered bulk write per model type. */
        void save() {
            if (dirty.size() == 1) {
                dirty.values().forEach(mongo::save);
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
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
            records.forEach(r -> bulk.replaceOne(
                    Query.query(Criteria.where("_id").is(id.apply(r))),
                    r,
                    FindAndReplaceOptions.options().upsert()));
            bulk.execute();
        }

        <T> T load(String id, Class<T> type) {
            String key = type.getSimpleName() + "|" + id;
            if (loaded.containsKey(key)) {
                return type.cast(loaded.get(key));
            }
            T found = mongo.findById(id, type);
            loaded.put(key, found);
            return found;
        }
    }
}
