package io.sanjiaodi.supervision.projection;

import java.time.Instant;

/**
 * An event as the projections read it: its envelope and its payload as the contract record
 * ({@link EventPayloads} reads it); the payload is null for an event no supervision model follows.
 * {@code aggregateType} is the producer's (e.g. {@code Interview}, {@code Rectification}).
 */
public record RecordedEvent(
        String eventId,
        String type,
        String aggregateId,
        long sequence,
        Instant time,
        Object payload,
        String aggregateType) {

    /** An event whose aggregate type is not known (then only followed events move a model's sequence on). */
    public RecordedEvent(String eventId, String type, String aggregateId, long sequence, Instant time, Object payload) {
        this(eventId, type, aggregateId, sequence, time, payload, null);
    }
}
