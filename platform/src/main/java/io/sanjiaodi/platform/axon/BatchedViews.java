package io.sanjiaodi.platform.axon;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The views (one document per aggregate, id = aggregate id) that a batch of a streaming processor
 * changes, read once and written once: the first read of a batch fetches the views of every
 * aggregate in it with one {@code _id $in} query, and the changed ones are written with one bulk
 * write when the batch commits — before the processor's token, so a failed write rolls the token
 * back with it and the batch is handled again (the views' sequence guard makes that harmless).
 * Round trips to the store, not the changes, are what a projection spends its time on. Outside a
 * unit of work (projection tests) every read and write goes to the store at once.
 *
 * @param <T> the view's type
 */
public final class BatchedViews<T> {

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final Function<T, String> idOf;
    private final String resource;

    public BatchedViews(MongoTemplate mongo, Class<T> type, Function<T, String> idOf) {
        this.mongo = mongo;
        this.type = type;
        this.idOf = idOf;
        this.resource = BatchedViews.class.getName() + "." + type.getName() + "@" + System.identityHashCode(this);
    }

    /** The view of {@code id} as this batch has it, or null. */
    public T find(String id) {
        Batch batch = batch();
        if (batch == null) {
            return mongo.findById(id, type);
        }
        if (!batch.loaded.containsKey(id)) {
            batch.loaded.put(id, mongo.findById(id, type));
        }
        return batch.loaded.get(id);
    }

    /** Writes the view: when the batch commits, or at once outside one. */
    public void save(T view) {
        Batch batch = batch();
        if (batch == null) {
            mongo.save(view);
            return;
        }
        batch.loaded.put(idOf.apply(view), view);
        batch.dirty.put(idOf.apply(view), view);
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resource, key -> {
            Batch batch = new Batch();
            if (root instanceof BatchingUnitOfWork<?> batching) {
                preload(batching, batch);
            }
            root.onPrepareCommit(committing -> flush(batch));
            return batch;
        });
    }

    private void preload(BatchingUnitOfWork<?> batching, Batch batch) {
        Set<String> ids = new LinkedHashSet<>();
        batching.getMessages().forEach(m -> {
            if (m instanceof DomainEventMessage<?> event) {
                ids.add(event.getAggregateIdentifier());
            }
        });
        if (ids.size() < 2) {
            return; // a single read needs no query of its own
        }
        ids.forEach(id -> batch.loaded.put(id, null));
        mongo.find(Query.query(Criteria.where("_id").in(ids)), type)
                .forEach(view -> batch.loaded.put(idOf.apply(view), view));
    }

    private void flush(Batch batch) {
        if (batch.dirty.isEmpty()) {
            return;
        }
        if (batch.dirty.size() == 1) {
            batch.dirty.values().forEach(mongo::save);
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        batch.dirty.forEach((id, view) -> bulk.replaceOne(
                Query.query(Criteria.where("_id").is(id)),
                view,
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    /** What one batch has read (a miss too) and changed. */
    private final class Batch {
        private final Map<String, T> loaded = new HashMap<>();
        private final Map<String, T> dirty = new LinkedHashMap<>();
    }
}
