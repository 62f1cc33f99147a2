package io.sanjiaodi.audit.verify;

import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.leaf.Leaf;
import io.sanjiaodi.audit.merkle.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One log entry as exported (one JSON line each in {@code GET /api/audit/export}): every field
 * the leaf commits to, the stored hashes, and the payload. Times are epoch milliseconds, hashes
 * lower-case hex. For a reader below the root, the entries outside its jurisdiction are lines of
 * {@link #hashOnlyLine} instead.
 */
public record ExportRecord(
        long logIndex,
        String eventId,
        String type,
        String source,
        String aggregateId,
        Long aggregateSequence,
        Long eventTime,
        long recordedAt,
        String actor,
        String payloadHash,
        String prevLeafHash,
        String leafHash,
        Object payload) {

    public static ExportRecord of(AuditEntry e) {
        return new ExportRecord(
                e.logIndex(),
                e.eventId(),
                e.type(),
                e.source(),
                e.aggregateId(),
                e.aggregateSequence(),
                e.eventTime() == null ? null : e.eventTime().toEpochMilli(),
                e.recordedAt() == null ? -1 : e.recordedAt().toEpochMilli(),
                e.actor(),
                e.payloadHash(),
                e.prevLeafHash(),
                e.leafHash(),
                e.payload());
    }

    /**
     * An entry given as its index and leaf hash only (outside the reader's jurisdiction, or with a
     * payload the reader gets redacted): no field to recompute, but the tree still needs its leaf.
     * Every full record has an event id, type, source and payload hash.
     */
    public boolean hashOnly() {
        return eventId == null && type == null && source == null && payloadHash == null && payload == null;
    }

    /** The export line of an entry the reader may not read: what the tree needs, nothing else. */
    public static Map<String, Object> hashOnlyLine(AuditEntry e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("logIndex", e.logIndex());
        line.put("leafHash", e.leafHash());
        return line;
    }

    public String chainKey() {
        return aggregateId == null || aggregateSequence == null ? null : source + "|" + aggregateId;
    }

    public Leaf leaf(byte[] payloadHash, byte[] prevLeafHash) {
        return new Leaf(
                eventId,
                type,
                source,
                aggregateId,
                aggregateSequence,
                eventTime,
                recordedAt,
                actor,
                payloadHash,
                prevLeafHash);
    }

    /** The leaf hash recomputed from the fields and payload, trusting only the stored previous-leaf link. */
    public byte[] recomputedLeafHash() {
        return leaf(Leaf.payloadHash(payload), Sha256.unhex(prevLeafHash)).hash();
    }
}
