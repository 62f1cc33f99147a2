package io.sanjiaodi.audit.query.history;

import io.sanjiaodi.audit.ingest.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the events of one aggregate tell, folded without knowing every event type: counts for
 * any aggregate, plus the interview or ledger view where the known events carry it. Unknown
 * event types only count; they never break the fold.
 *
 * @param interview present for an Interview aggregate
 * @param ledger    present for a Rectification aggregate
 */
public record AggregateSummary(
        String aggregateType,
        int events,
        Long lastSequence,
        String lastEventType,
        Instant lastEventTime,
        Map<String, Integer> eventTypes,
        InterviewSummary interview,
        LedgerSummary ledger) {

    public static AggregateSummary of(List<AuditEntry> events) {
        Map<String, Integer> types = new TreeMap<>();
        String aggregateType = null;
        InterviewSummary.Fold interview = new InterviewSummary.Fold();
        LedgerSummary.Fold ledger = new LedgerSummary.Fold();
        for (AuditEntry e : events) {
            types.merge(e.type(), 1, Integer::sum);
            aggregateType = e.aggregateType() != null ? e.aggregateType() : aggregateType;
            interview.apply(e);
            ledger.apply(e);
        }
        AuditEntry last = events.isEmpty() ? null : events.get(events.size() - 1);
        boolean isInterview =
                "Interview".equals(aggregateType) || types.keySet().stream().anyMatch(t -> t.startsWith("Interview"));
        boolean isLedger = "Rectification".equals(aggregateType) || types.containsKey("RectificationOpened");
        return new AggregateSummary(
                aggregateType,
                events.size(),
                last == null ? null : last.aggregateSequence(),
                last == null ? null : last.type(),
                last == null ? null : last.eventTime(),
                types,
                isInterview ? interview.result() : null,
                isLedger ? ledger.result() : null);
    }
}
