package io.sanjiaodi.platform.statements;

/**
 * The {@code producerseq} of each event the outbox relay publishes: its 1-based rank in the event
 * store by global index. Derived from the store, never from a counter alone, so a relay restart or
 * a batch sent again yields the same numbers; the last answer is remembered only to make the
 * usual case (the next index) free of a query. Called by the relay's single thread.
 */
public class ProducerPositions {

    private final EventStoreStream store;
    private long lastIndex = Long.MIN_VALUE;
    private long lastPosition;

    public ProducerPositions(EventStoreStream store) {
        this.store = store;
    }

    public synchronized long positionOf(long globalIndex) {
        long position;
        if (lastIndex != Long.MIN_VALUE && globalIndex == lastIndex) {
            position = lastPosition;
        } else if (lastIndex != Long.MIN_VALUE && globalIndex > lastIndex) {
            // the next index costs nothing; a gap (a rolled-back insert) is counted, not assumed
            position = globalIndex == lastIndex + 1
                    ? lastPosition + 1
                    : lastPosition + store.count(lastIndex, globalIndex);
        } else {
            // the first event since start, or the relay went back (a batch rolled back and is sent again)
            position = store.count(Long.MIN_VALUE, globalIndex);
        }
        lastIndex = globalIndex;
        lastPosition = position;
        return position;
    }
}
