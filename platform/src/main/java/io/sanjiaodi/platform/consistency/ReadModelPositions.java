package io.sanjiaodi.platform.consistency;

import io.sanjiaodi.platform.consistency.ConsistencyToken.Position;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
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
    private final Function<Class<?>, Collection<String>> processors;

    /**
     * @param processors the names of the processors whose read models a query may read (not the
     *     outbox relay) and that handle events of a payload type: a processor stores its token past
     *     events it has no handler for only every few seconds, so only those that handle it count
     */
    ReadModelPositions(
            JdbcTemplate jdbc,
            String schema,
            Serializer serializer,
            Function<Class<?>, Collection<String>> processors) {
        this.jdbc = jdbc;
        this.events = schema + ".domainevententry";
        this.tokens = schema + ".tokenentry";
        this.serializer = serializer;
        this.processors = processors;
    }

    /** A stored event and the processors that handle its type, resolved once, not on every poll of the wait. */
    record Stored(String aggregateId, long globalIndex, Collection<String> processors) {}

    /** The event at {@code position}, if it is stored. */
    Optional<Stored> find(Position position) {
        return jdbc
                .query(
                        "SELECT globalIndex, payloadType FROM " + events
                                + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                        (row, n) -> new Stored(
                                position.aggregateId(),
                                row.getLong(1),
                                processors.apply(payloadClass(row.getString(2)))),
                        position.aggregateId(),
                        position.sequence())
                .stream()
                .findFirst();
    }

    /**
     * Whether every query-side processor has handled the event at {@code globalIndex} of
     * {@code aggregateId}: the token of the segment that handles that aggregate (the processors
     * are sequenced per aggregate) is past it. Only that segment counts: the others store their
     * tokens past events not theirs only every few seconds.
     */
    boolean handled(Stored event) {
        String aggregateId = event.aggregateId();
        long globalIndex = event.globalIndex();
        Collection<String> names = event.processors();
        if (names.isEmpty()) {
            return true;
        }
        Map<String, Map<Integer, Boolean>> segments = new HashMap<>();
        jdbc.query(
                "SELECT processorName, segment, token, tokenType FROM " + tokens + " WHERE processorName = ANY (?)",
                row -> {
                    segments.computeIfAbsent(row.getString(1), name -> new HashMap<>())
                            .put(row.getInt(2), handled(row.getBytes(3), row.getString(4), globalIndex));
                },
                (Object) names.toArray(String[]::new));
        for (String name : names) {
            Map<Integer, Boolean> handledBy = segments.get(name);
            if (handledBy == null) {
                return false; // not started yet
            }
            Segment owner = Arrays.stream(Segment.computeSegments(handledBy.keySet().stream()
                            .mapToInt(Integer::intValue)
                            .toArray()))
                    .filter(segment -> segment.matches(aggregateId))
                    .findFirst()
                    .orElseThrow();
            if (!handledBy.get(owner.getSegmentId())) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> payloadClass(String type) {
        try {
            return Class.forName(type, false, ReadModelPositions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Object.class; // an event type of an older version: only a catch-all handler would take it
        }
    }

    private boolean handled(byte[] serialized, String type, long globalIndex) {
        TrackingToken token = token(serializer, serialized, type);
        if (token == null) {
            return false; // a processor that has not handled its first batch yet
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            // a gap below the index is another transaction's insert, not this event: only its own index counts
            return gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex);
        }
        return token.position().orElse(-1) >= globalIndex;
    }

    /** A stored token as the processor left it (a replay's lower bound), or null before its first batch. */
    static TrackingToken token(Serializer serializer, byte[] serialized, String type) {
        if (serialized == null || type == null) {
            return null;
        }
        return WrappedToken.unwrapLowerBound(
                serializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type, null)));
    }
}
