package io.sanjiaodi.supervision.projection;

import java.util.List;

/**
 * Where the projector fetches the events a model missed: the events of {@code next}'s aggregate
 * from sequence {@code from} up to, not including, {@code next}'s, in order. The live intake reads
 * them from the partition the event came from; a replay, which reads every event already, has none.
 */
@FunctionalInterface
public interface MissedEvents {

    MissedEvents NONE = (next, from) -> List.of();

    List<RecordedEvent> between(RecordedEvent next, long from);
}
