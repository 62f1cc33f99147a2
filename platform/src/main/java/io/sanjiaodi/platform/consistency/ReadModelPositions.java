package io.sanjiaodi.platform.consistency;

import io.sanjiaodi.platform.consistency.ConsistencyToken.Position;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a stored event is in the service's event store (its global index) and whether every
 * query-side processor has handled it. The processors' tokens are read from the token store, not
 * from this instance's processors, so the answer is the same on an instance that owns no segment:
 * the token of a segment is stored only after its batch's read-model writes, so a token past the
 * event means the read model has it.
 */
final class ReadModelPositions {

    private final JdbcTemplate jdbc;
    private final String events;
    private final String tokens;
    private final Serializer serializer;
    private final Supplier<Collection<String>> processors;

    /**
     * @param processors the names of the processors whose read models a query may read (not the
     *     outbox relay): known only once the processors are configured, so asked for each time
     */
    ReadModelPositions(
            JdbcTemplate jdbc, String schema, Serializer serializer, Supplier<Collection<String>> processors) {
        this.jdbc = jdbc;
        this.events = schema + ".domainevententry";
        this.tokens = schema + ".tokenentry";
        this.serializer = serializer;
        this.processors = processors;
    }

    /** The global index of the event at {@code position}, if it is stored. */
    OptionalLong globalIndex(Position position) {
        List<Long> found = jdbc.queryForList(
                "SELECT globalIndex FROM " + events + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                Long.class,
                position.aggregateId(),
                position.sequence());
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
    }

    /** Whether every segment of every query-side processor has handled the event at {@code globalIndex}. */
    boolean handled(long globalIndex) {
        Collection<String> names = processors.get();
        if (names.isEmpty()) {
            return true;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Boolean> segments = jdbc.query(
                "SELECT processorName, token, tokenType FROM " + tokens + " WHERE processorName = ANY (?)",
                (row, n) -> {
                    seen.add(row.getString(1));
                    return handled(row.getBytes(2), row.getString(3), globalIndex);
                },
                (Object) names.toArray(String[]::new));
        return seen.containsAll(names) && !segments.contains(false);
    }

    private boolean handled(byte[] serialized, String type, long globalIndex) {
        if (serialized == null || type == null) {
            return false; // a processor that has not handled its first batch yet
        }
        TrackingToken token = WrappedToken.unwrapLowerBound(
                serializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type, null)));
        if (token instanceof GapAwareTrackingToken gapAware) {
            // a gap below the index is another transaction's insert, not this event: only its own index counts
            return gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex);
        }
        return token != null && token.position().orElse(-1) >= globalIndex;
    }
}
