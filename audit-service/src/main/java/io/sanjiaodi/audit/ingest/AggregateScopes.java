package io.sanjiaodi.audit.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit and jurisdiction of each aggregate, taken from its first entry that names them (an
 * interview's {@code InterviewScheduled}, a ledger's {@code RectificationOpened}), so that its
 * later events whose payloads do not (list items, entrustment, cancellation) are scoped like it.
 * The derived values are stored on each entry (outside the leaf), and this map is rebuilt from
 * the stored entries at start: a restart or a redelivery derives exactly what was derived before.
 * An entry arriving before any entry of its aggregate that names a jurisdiction keeps none and
 * belongs to the root: fail closed. Security events never take a jurisdiction (theirs is the
 * refused actor's, not the record's): they are for the root's auditors.
 */
final class AggregateScopes {

    private record Scope(String unitId, String jurisdictionId) {}

    private final Map<String, Scope> byAggregate = new HashMap<>();

    /** The drafts with the unit and jurisdiction their own payload or their aggregate's earlier entries give. */
    List<AuditEntry> resolve(List<AuditEntry> drafts) {
        Map<String, Scope> inBatch = new HashMap<>();
        return drafts.stream()
                .map(draft -> {
                    if (draft.securityEvent()) {
                        return draft.withScope(null, null);
                    }
                    String key = key(draft);
                    if (draft.jurisdictionId() != null || key == null) {
                        if (key != null && draft.jurisdictionId() != null && !byAggregate.containsKey(key)) {
                            inBatch.putIfAbsent(key, new Scope(draft.unitId(), draft.jurisdictionId()));
                        }
                        return draft;
                    }
                    Scope known = byAggregate.getOrDefault(key, inBatch.get(key));
                    return known == null ? draft : draft.withScope(known.unitId(), known.jurisdictionId());
                })
                .toList();
    }

    /** Remembers an appended (or, at start, a stored) entry's scope if it is its aggregate's first. */
    void record(String source, String aggregateId, String unitId, String jurisdictionId) {
        if (aggregateId != null && jurisdictionId != null) {
            byAggregate.putIfAbsent(source + "|" + aggregateId, new Scope(unitId, jurisdictionId));
        }
    }

    /** The jurisdiction of an aggregate, or null where none of its entries named one (the root's). */
    String jurisdictionOf(String source, String aggregateId) {
        Scope scope = byAggregate.get(source + "|" + aggregateId);
        return scope == null ? null : scope.jurisdictionId();
    }

    private static String key(AuditEntry draft) {
        return draft.aggregateId() == null ? null : draft.source() + "|" + draft.aggregateId();
    }
}
