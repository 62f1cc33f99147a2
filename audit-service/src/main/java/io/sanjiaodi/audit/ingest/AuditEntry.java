package io.sanjiaodi.audit.ingest;

import io.sanjiaodi.audit.leaf.Leaf;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.contracts.Topics;
import java.time.Instant;
import org.bson.Document;
import org.springframework.data.annotation.Id;

/**
 * One event as received, stored once and never changed. The id is the CloudEvents id, which is
 * what makes a redelivery a no-op; {@code logIndex} is its position in the Merkle log (unique
 * index), and the hex hashes let a verifier recompute the leaf from the other fields.
 * {@code topic}, {@code partition}, {@code offset}, {@code unitId}, {@code jurisdictionId} and
 * {@code traceId} are conveniences outside the leaf: the unit and jurisdiction are derived from the
 * committed payload or, where it names none, from the aggregate's first entry that does
 * ({@code AggregateScopes}), and decide which readers see the entry; the trace id (from the
 * CloudEvents {@code traceparent}) finds the request that caused the event in the operators' traces.
 */
@org.springframework.data.mongodb.core.mapping.Document("audit_entries")
public record AuditEntry(
        @Id String eventId,
        Long logIndex,
        String type,
        String source,
        String aggregateId,
        String aggregateType,
        Long aggregateSequence,
        String correlationId,
        String actor,
        Instant eventTime,
        Instant recordedAt,
        String topic,
        int partition,
        long offset,
        String unitId,
        String jurisdictionId,
        String traceId,
        String payloadHash,
        String prevLeafHash,
        String leafHash,
        Document payload) {

    /** Events of one aggregate form a chain; the source is part of the key because ids are unique per service. */
    public String chainKey() {
        return aggregateId == null || aggregateSequence == null ? null : source + "|" + aggregateId;
    }

    /** A refused request ({@code AccessDenied} on the security topic): for the root's auditors only. */
    public boolean securityEvent() {
        return Topics.SECURITY_EVENTS.equals(topic) || "AccessDenied".equals(type);
    }

    /** The leaf these fields describe, with the payload hash and the chain link the caller computed or trusts. */
    public Leaf leaf(byte[] payloadHash, byte[] prevLeafHash) {
        return new Leaf(
                eventId,
                type,
                source,
                aggregateId,
                aggregateSequence,
                eventTime == null ? null : eventTime.toEpochMilli(),
                recordedAt.toEpochMilli(),
                actor,
                payloadHash,
                prevLeafHash);
    }

    /** The same entry with the unit and jurisdiction derived for it (conveniences outside the leaf). */
    AuditEntry withScope(String unit, String jurisdiction) {
        return new AuditEntry(
                eventId,
                logIndex,
                type,
                source,
                aggregateId,
                aggregateType,
                aggregateSequence,
                correlationId,
                actor,
                eventTime,
                recordedAt,
                topic,
                partition,
                offset,
                unit,
                jurisdiction,
                traceId,
                payloadHash,
                prevLeafHash,
                leafHash,
                payload);
    }

    /** The same entry showing another payload (a redacted copy for a reader); never stored. */
    public AuditEntry withPayload(Document shown) {
        return new AuditEntry(
                eventId,
                logIndex,
                type,
                source,
                aggregateId,
                aggregateType,
                aggregateSequence,
                correlationId,
                actor,
                eventTime,
                recordedAt,
                topic,
                partition,
                offset,
                unitId,
                jurisdictionId,
                traceId,
                payloadHash,
                prevLeafHash,
                leafHash,
                shown);
    }

    AuditEntry inLog(long index, Instant recorded, byte[] payloadHash, byte[] prevLeafHash, byte[] leafHash) {
        return new AuditEntry(
                eventId,
                index,
                type,
                source,
                aggregateId,
                aggregateType,
                aggregateSequence,
                correlationId,
                actor,
                eventTime,
                recorded,
                topic,
                partition,
                offset,
                unitId,
                jurisdictionId,
                traceId,
                Sha256.hex(payloadHash),
                Sha256.hex(prevLeafHash),
                Sha256.hex(leafHash),
                payload);
    }
}
