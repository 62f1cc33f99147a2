package io.sanjiaodi.platform.statements;

import io.sanjiaodi.platform.axon.PostgresEventStore;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's event store read as its producer stream: every stored event in global-index
 * order. The commit lock ({@code CommitOrderedEventStorageEngine}) makes indexes visible strictly
 * in order, so an event's rank by global index never changes once it is visible; that rank is its
 * {@code producerseq}. A gap in the indexes is a rolled-back insert and takes no position.
 */
public class EventStoreStream {

    /** One stored event as the stream needs it; {@code aggregateType} is null for a plain (non-domain) event. */
    public record StoredEvent(
            long globalIndex, String eventId, String aggregateId, String aggregateType, long sequence) {}

    public interface Sink {
        void accept(StoredEvent event);
    }

    private static final int PAGE = 10_000;
    private final JdbcTemplate jdbc;
    private final EventSchema schema = PostgresEventStore.eventSchema();

    public EventStoreStream(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** How many events have a global index in (after, upTo]. */
    public long count(long after, long upTo) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM " + schema.domainEventTable() + " WHERE " + schema.globalIndexColumn()
                        + " > ? AND " + schema.globalIndexColumn() + " <= ?",
                Long.class,
                after,
                upTo);
        return count == null ? 0 : count;
    }

    /** The events with a global index in (after, upTo], in index order, a page at a time. */
    public void forEach(long after, long upTo, Sink sink) {
        String sql = "SELECT " + schema.globalIndexColumn() + ", " + schema.eventIdentifierColumn() + ", "
                + schema.aggregateIdentifierColumn() + ", " + schema.typeColumn() + ", "
                + schema.sequenceNumberColumn() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " > ? AND " + schema.globalIndexColumn() + " <= ? ORDER BY "
                + schema.globalIndexColumn() + " LIMIT " + PAGE;
        long from = after;
        while (from < upTo) {
            long[] last = {from};
            int[] rows = {0};
            jdbc.query(
                    sql,
                    rs -> {
                        StoredEvent event = new StoredEvent(
                                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
                        sink.accept(event);
                        last[0] = event.globalIndex();
                        rows[0]++;
                    },
                    from,
                    upTo);
            if (rows[0] < PAGE) {
                return;
            }
            from = last[0];
        }
    }
}
