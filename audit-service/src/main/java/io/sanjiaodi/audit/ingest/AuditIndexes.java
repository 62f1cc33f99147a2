package io.sanjiaodi.audit.ingest;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The unique index on the log index is what makes a second writer (or a confused restart) fail
 * loudly instead of forking the log; sparse so that entries from before the log existed do not
 * collide on a missing value. Non-unique indexes help real MongoDB only (the embedded server
 * ignores them).
 */
final class AuditIndexes {

    private AuditIndexes() {}

    static void create(MongoTemplate mongo) {
        var entries = mongo.indexOps(AuditEntry.class);
        entries.ensureIndex(new Index("logIndex", Sort.Direction.ASC).unique().sparse());
        entries.ensureIndex(new Index("aggregateId", Sort.Direction.ASC));
        entries.ensureIndex(new Index("recordedAt", Sort.Direction.ASC));
    }
}
