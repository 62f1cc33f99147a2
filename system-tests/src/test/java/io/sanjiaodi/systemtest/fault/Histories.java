package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.systemtest.fault.Acks.Command;
import io.sanjiaodi.systemtest.fault.Acks.Flow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads aggregates' histories straight from an event store's table (PostgreSQL) and holds each
 * against what its clients were told: the acknowledged commands' events, in order, and after them at
 * most the one command whose answer never came.
 */
final class Histories implements AutoCloseable {

    /** One stored event, as the event store holds it. */
    record StoredEvent(long sequence, String type, String eventId) {}

    private final PreparedStatement historyOf;

    Histories(Connection db, String schema) throws SQLException {
        this.historyOf = db.prepareStatement("SELECT sequenceNumber, payloadType, eventIdentifier FROM " + schema
                + ".domainevententry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber");
    }

    List<StoredEvent> of(String aggregateId) throws SQLException {
        historyOf.setString(1, aggregateId);
        List<StoredEvent> history = new ArrayList<>();
        try (ResultSet rs = historyOf.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString(2);
                history.add(new StoredEvent(
                        rs.getLong(1),
                        type == null ? null : type.substring(type.lastIndexOf('.') + 1),
                        rs.getString(3)));
            }
        }
        return history;
    }

    /**
     * Sequence numbers without gap or repeat; the stored types exactly the acknowledged ones, or those
     * and the indeterminate command's; every event on the topic and exactly once in the audit trail.
     */
    static void compare(
            String id,
            List<StoredEvent> history,
            Flow flow,
            Map<String, Integer> onKafka,
            List<String> auditedIds,
            Tally tally) {
        List<Command> acked = flow.acknowledged();
        Command indeterminate = flow.indeterminate;
        tally.aggregates++;
        tally.acknowledgedEvents +=
                (int) acked.stream().filter(c -> !c.observed()).count();
        tally.indeterminate += indeterminate == null ? 0 : 1;
        tally.storedEvents += history.size();
        int lastWindow = indeterminate != null
                ? indeterminate.window()
                : acked.isEmpty() ? 0 : acked.get(acked.size() - 1).window();
        List<String> types = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            StoredEvent event = history.get(i);
            if (event.sequence() != i) {
                tally.duplicated(
                        i < acked.size() ? acked.get(i).window() : lastWindow,
                        id + ": sequence gap or duplicate at " + i + " (" + event.sequence() + ")");
            }
            types.add(event.type());
            eventIds.add(event.eventId());
            if (!onKafka.containsKey(event.eventId())) {
                tally.missingOnKafka++;
                tally.findings.add(id + ": event " + event.eventId() + " never reached Kafka");
            }
        }
        List<String> ackedTypes = acked.stream().map(Command::type).toList();
        List<String> withIndeterminate = new ArrayList<>(ackedTypes);
        if (indeterminate != null) {
            withIndeterminate.add(indeterminate.type());
        }
        if (!types.equals(ackedTypes) && !types.equals(withIndeterminate)) {
            String finding = id + ": acknowledged " + ackedTypes
                    + (indeterminate == null ? "" : " then unanswered " + indeterminate.type()) + " but stored "
                    + types;
            if (types.size() > withIndeterminate.size()) {
                // more than every command sent once: something was applied twice
                tally.duplicated(lastWindow, finding);
            } else {
                int firstDifference = 0;
                while (firstDifference < Math.min(types.size(), ackedTypes.size())
                        && types.get(firstDifference).equals(ackedTypes.get(firstDifference))) {
                    firstDifference++;
                }
                tally.lost(
                        acked.isEmpty()
                                ? lastWindow
                                : acked.get(Math.min(firstDifference, acked.size() - 1))
                                        .window(),
                        finding);
            }
        }
        if (!new HashSet<>(auditedIds).equals(eventIds) || auditedIds.size() != eventIds.size()) {
            tally.missingInAudit++;
            tally.findings.add(
                    id + ": audit trail holds " + auditedIds.size() + " entries, event store " + eventIds.size());
        }
    }

    @Override
    public void close() throws SQLException {
        historyOf.close();
    }
}
