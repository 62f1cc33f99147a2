package io.sanjiaodi.supervision.projection;

import java.time.Instant;

/**
 * An event as the projections read it: its envelope and its payload as the contract record
 * ({@link EventPayloads} reads it); the payload is null for an event no supervision model follows.
 */
public record RecordedEvent(
        String eventId, String type, String aggregateId, long sequence, Instant time, Object payload) {}
