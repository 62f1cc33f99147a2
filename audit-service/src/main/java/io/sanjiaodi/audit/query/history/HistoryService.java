package io.sanjiaodi.audit.query.history;

import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.Actors;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * History over the audit log: filtered pages, an aggregate as of a past time or checkpoint, and
 * what changed between two times. "As of" reads the event time (when the source service stored
 * the event); "as of checkpoint n" reads the first n log entries, the state a signed root covers.
 * Every answer holds only what the reader's {@link ReaderScope} sees.
 */
@Service
public class HistoryService {

    private final MongoTemplate mongo;

    public HistoryService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The reader's entries that match the filter (others are left out silently, before paging). */
    public HistoryPage find(HistoryFilter filter, ReaderScope scope, int page, int size) {
        Query query = Query.query(scope.and(filter.criteria()));
        long total = mongo.count(query, AuditEntry.class);
        List<AuditEntry> items = mongo.find(
                query.with(Sort.by("logIndex")).skip((long) page * size).limit(size), AuditEntry.class);
        return new HistoryPage(page, size, total, scope.shown(items));
    }

    /**
     * The aggregate as the reader sees it: 404 if the log holds nothing of it, 403 OUT_OF_SCOPE if
     * it holds entries but none the reader may see; otherwise folded from the visible entries only.
     */
    public AsOf asOf(String aggregateId, Instant asOf, Long treeSize, ReaderScope scope) {
        requireVisible(aggregateId, scope);
        AsOf all = asOfVisible(aggregateId, asOf, treeSize, scope);
        return new AsOf(all.aggregateId(), all.asOf(), all.checkpoint(), all.summary(), scope.shown(all.events()));
    }

    private void requireVisible(String aggregateId, ReaderScope scope) {
        Criteria ofAggregate = Criteria.where("aggregateId").is(aggregateId);
        if (mongo.count(Query.query(ofAggregate), AuditEntry.class) == 0) {
            throw Refusal.notFound("AUDIT_AGGREGATE_NOT_FOUND", "no audited events of " + aggregateId);
        }
        Actors.requireScope(
                mongo.exists(Query.query(scope.and(Criteria.where("aggregateId").is(aggregateId))), AuditEntry.class),
                "aggregate " + aggregateId);
    }

    private AsOf asOfVisible(String aggregateId, Instant asOf, Long treeSize, ReaderScope scope) {
        if (asOf != null && treeSize != null) {
            throw Refusal.unprocessable("AUDIT_AS_OF_AMBIGUOUS", "give asOf or checkpoint, not both");
        }
        Criteria c = Criteria.where("aggregateId").is(aggregateId);
        c = treeSize != null
                ? c.and("logIndex").lt(treeSize)
                : c.and("logIndex").ne(null);
        if (asOf != null) {
            c = c.and("eventTime").lte(asOf);
        }
        List<AuditEntry> events = ordered(scope.and(c));
        return new AsOf(aggregateId, asOf, treeSize, AggregateSummary.of(events), events);
    }

    public Diff diff(String aggregateId, Instant from, Instant to, ReaderScope scope) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw Refusal.unprocessable("AUDIT_BAD_INTERVAL", "from must lie before to");
        }
        requireVisible(aggregateId, scope);
        List<AuditEntry> events = ordered(scope.and(Criteria.where("aggregateId")
                .is(aggregateId)
                .and("logIndex")
                .ne(null)
                .and("eventTime")
                .gt(from)
                .lte(to)));
        return new Diff(
                aggregateId,
                from,
                to,
                asOfVisible(aggregateId, from, null, scope).summary(),
                asOfVisible(aggregateId, to, null, scope).summary(),
                scope.shown(events));
    }

    /** In aggregate order: by sequence number, then log order (a late event takes its sequence's place). */
    private List<AuditEntry> ordered(Criteria criteria) {
        return mongo.find(Query.query(criteria).with(Sort.by("aggregateSequence", "logIndex")), AuditEntry.class);
    }

    public record HistoryPage(int page, int size, long total, List<AuditEntry> items) {}

    public record AsOf(
            String aggregateId, Instant asOf, Long checkpoint, AggregateSummary summary, List<AuditEntry> events) {}

    /** The summaries at both ends and the events in between ({@code from} exclusive, {@code to} inclusive). */
    public record Diff(
            String aggregateId,
            Instant from,
            Instant to,
            AggregateSummary before,
            AggregateSummary after,
            List<AuditEntry> events) {}
}
