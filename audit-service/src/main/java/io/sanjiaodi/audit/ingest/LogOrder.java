package io.sanjiaodi.audit.ingest;

import java.util.List;
import java.util.function.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads the stored log in index order one range of indexes at a time. One sorted query over the
 * whole log would make the embedded store (mongo-java-server) hold every matching document in its
 * heap to sort them — the 200-round soak ran its database process out of memory that way when the
 * audit service restarted. A range query keeps that to {@code range} documents and is an index
 * range scan on MongoDB (logIndex is uniquely indexed).
 */
public final class LogOrder {

    public static final int RANGE = 10_000;

    private LogOrder() {}

    /**
     * Hands every stored audit entry with a log index to {@code each}, in index order, until it
     * returns false. Entries past a hole in the indexes are still reached.
     *
     * @param fields the fields to read; none: whole documents
     */
    public static <T> void forEach(MongoTemplate mongo, Class<T> type, Predicate<T> each, String... fields) {
        forEach(mongo, type, each, RANGE, 0, fields);
    }

    /** As {@link #forEach(MongoTemplate, Class, Predicate, String...)}, from log index {@code start} on. */
    static <T> void forEach(
            MongoTemplate mongo, Class<T> type, Predicate<T> each, int range, long start, String... fields) {
        String collection = mongo.getCollectionName(AuditEntry.class);
        for (long from = start; ; from += range) {
            Query query = Query.query(Criteria.where("logIndex").gte(from).lt(from + range))
                    .with(Sort.by("logIndex"));
            if (fields.length > 0) {
                query.fields().include(fields);
            }
            List<T> batch = mongo.find(query, type, collection);
            for (T entry : batch) {
                if (!each.test(entry)) {
                    return;
                }
            }
            if (batch.isEmpty()
                    && !mongo.exists(Query.query(Criteria.where("logIndex").gte(from)), collection)) {
                return;
            }
        }
    }
}
