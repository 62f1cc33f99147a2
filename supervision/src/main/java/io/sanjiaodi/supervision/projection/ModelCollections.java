package io.sanjiaodi.supervision.projection;

import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which collections hold the supervision models that are read now. A rebuild writes a new pair
 * (the next generation) while the dashboard keeps reading the old one, and the switch is one
 * write of the pointer document in {@code sup_models} once the replay has completed: a rebuild
 * that fails midway leaves the models as they were, never half of them.
 */
public final class ModelCollections {

    /** The collections of one generation of the models. */
    public record Names(long generation, String interviews, String ledgers) {

        /** The first generation keeps the names the models always had, so existing data stays readable. */
        static final Names FIRST = new Names(0, "sup_interviews", "sup_ledgers");

        Names next() {
            long n = generation + 1;
            return new Names(n, "sup_interviews_g" + n, "sup_ledgers_g" + n);
        }

        String of(Class<?> model) {
            if (model == InterviewRecord.class) {
                return interviews;
            }
            if (model == LedgerRecord.class) {
                return ledgers;
            }
            throw new IllegalArgumentException("not a supervision model: " + model);
        }
    }

    static final String POINTER = "sup_models";
    private static final String ACTIVE = "active";
    private final AtomicReference<Names> active;

    private ModelCollections(Names active) {
        this.active = new AtomicReference<>(active);
    }

    /** The first generation, not persisted: for a projector or queries that need no rebuild (tests, benchmarks). */
    public static ModelCollections first() {
        return new ModelCollections(Names.FIRST);
    }

    /** A projector's target during a rebuild: the generation being built. */
    public static ModelCollections fixed(Names names) {
        return new ModelCollections(names);
    }

    /** The generation the pointer document names, or the first one. */
    public static ModelCollections load(MongoTemplate mongo) {
        Document pointer = mongo.findById(ACTIVE, Document.class, POINTER);
        return new ModelCollections(
                pointer == null
                        ? Names.FIRST
                        : new Names(
                                ((Number) pointer.get("generation")).longValue(),
                                pointer.getString("interviews"),
                                pointer.getString("ledgers")));
    }

    public Names active() {
        return active.get();
    }

    /** The collection that holds {@code model} ({@link InterviewRecord} or {@link LedgerRecord}) now. */
    public String of(Class<?> model) {
        return active.get().of(model);
    }

    /** A fresh pair of collections for a rebuild (left over ones of a failed rebuild are dropped first). */
    public Names prepareNext(MongoTemplate mongo) {
        Names next = active.get().next();
        drop(mongo, next);
        return next;
    }

    /** Makes {@code next} the models that are read, then drops the previous generation. */
    public void switchTo(MongoTemplate mongo, Names next) {
        Names previous = active.get();
        Document pointer = new Document("_id", ACTIVE)
                .append("generation", next.generation())
                .append("interviews", next.interviews())
                .append("ledgers", next.ledgers());
        mongo.save(pointer, POINTER);
        active.set(next);
        drop(mongo, previous);
    }

    /** Drops the collections of a rebuild that did not complete. */
    public void abandon(MongoTemplate mongo, Names next) {
        if (next != active.get()) {
            drop(mongo, next);
        }
    }

    private static void drop(MongoTemplate mongo, Names names) {
        for (String collection : java.util.List.of(names.interviews(), names.ledgers())) {
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
        }
    }
}
