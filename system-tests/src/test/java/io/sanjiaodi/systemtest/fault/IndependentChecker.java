package io.sanjiaodi.systemtest.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.systemtest.Audit;
import io.sanjiaodi.systemtest.RawKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what clients were told with what every part of the system holds: the event stores
 * (read directly), the Kafka topics (read with a plain consumer), the audit trail and the read
 * models (through the APIs). It trusts none of the services' own bookkeeping.
 */
final class IndependentChecker {

    record Report(
            int acknowledgedInterviews,
            int acknowledgedEvents,
            int storedEvents,
            int lost,
            int duplicated,
            int missingOnKafka,
            int missingInAudit,
            int ledgerProblems,
            int projectionProblems,
            List<String> findings) {
        boolean clean() {
            return findings.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Cluster cluster;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IndependentChecker(Cluster cluster) {
        this.cluster = cluster;
    }

    Report check(Map<String, List<String>> acknowledged) throws Exception {
        List<String> findings = new ArrayList<>();
        Map<String, Integer> onKafka = new RawKafka(cluster.kafkaBootstrap()).countsByEventId("interview.events");
        Map<String, List<String>> audit = new Audit(cluster.url(Cluster.Node.AUDIT)).eventIdsByAggregate();
        int ackEvents = 0;
        int stored = 0;
        int lost = 0;
        int duplicated = 0;
        int missingOnKafka = 0;
        int missingInAudit = 0;
        int ledgerProblems = 0;
        int projectionProblems = 0;
        try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), "postgres", "");
                PreparedStatement historyOf = db.prepareStatement("SELECT sequenceNumber, payloadType, eventIdentifier"
                        + " FROM interview.domainevententry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber");
                PreparedStatement ledgerEvents = db.prepareStatement(
                        "SELECT count(*) FROM rectification.domainevententry WHERE aggregateIdentifier = ?")) {
            for (Map.Entry<String, List<String>> ack : acknowledged.entrySet()) {
                String id = ack.getKey();
                ackEvents += ack.getValue().size();
                List<StoredEvent> history = history(historyOf, id);
                stored += history.size();
                List<String> types = new ArrayList<>();
                Set<String> eventIds = new HashSet<>();
                for (int i = 0; i < history.size(); i++) {
                    StoredEvent event = history.get(i);
                    if (event.sequence() != i) {
                        findings.add(id + ": sequence gap or duplicate at " + i);
                        duplicated++;
                    }
                    types.add(simpleName(event.payloadType()));
                    eventIds.add(event.eventId());
                    if (!onKafka.containsKey(event.eventId())) {
                        missingOnKafka++;
                        findings.add(id + ": event " + event.eventId() + " never reached Kafka");
                    }
                }
                if (!types.subList(0, Math.min(types.size(), ack.getValue().size()))
                                .equals(ack.getValue())
                        || types.size() < ack.getValue().size()) {
                    lost++;
                    findings.add(id + ": acknowledged " + ack.getValue() + " but stored " + types);
                }
                List<String> auditedIds = audit.getOrDefault(id, List.of());
                Set<String> audited = new HashSet<>(auditedIds);
                int auditCount = auditedIds.size();
                if (!audited.equals(eventIds) || auditCount != eventIds.size()) {
                    missingInAudit++;
                    findings.add(id + ": audit trail holds " + auditCount + " entries, event store " + eventIds.size());
                }
                JsonNode view = get(cluster.url(Cluster.Node.INTERVIEW) + "/api/interviews/" + id);
                boolean conducted = types.contains("InterviewConducted");
                if (view == null
                        || conducted != "CONDUCTED".equals(view.path("status").asText())
                        || view.path("lastSequence").asLong() != history.size() - 1) {
                    projectionProblems++;
                    findings.add(id + ": interview read model disagrees with its history: " + view);
                }
                JsonNode ledgers = get(cluster.url(Cluster.Node.RECTIFICATION) + "/api/ledgers?interviewId=" + id);
                if (ledgers.size() != (conducted ? 1 : 0)) {
                    ledgerProblems++;
                    findings.add(id + ": " + ledgers.size() + " ledgers for an interview conducted=" + conducted);
                }
                if (conducted) {
                    ledgerEvents.setString(1, "ledger-" + id);
                    long opened;
                    try (ResultSet rs = ledgerEvents.executeQuery()) {
                        rs.next();
                        opened = rs.getLong(1);
                    }
                    if (opened != 1) {
                        ledgerProblems++;
                        findings.add(id + ": ledger history has " + opened + " events, expected 1");
                    }
                }
            }
        }
        return new Report(
                acknowledged.size(),
                ackEvents,
                stored,
                lost,
                duplicated,
                missingOnKafka,
                missingInAudit,
                ledgerProblems,
                projectionProblems,
                findings);
    }

    /** One stored event, as the event store (PostgreSQL) holds it. */
    record StoredEvent(long sequence, String payloadType, String eventId) {}

    private static List<StoredEvent> history(PreparedStatement historyOf, String aggregateId) throws SQLException {
        historyOf.setString(1, aggregateId);
        List<StoredEvent> history = new ArrayList<>();
        try (ResultSet rs = historyOf.executeQuery()) {
            while (rs.next()) {
                history.add(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return history;
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .header(
                                "Authorization",
                                io.sanjiaodi.platform.security.TestTokens.bearer(
                                        io.sanjiaodi.platform.security.TestTokens.token("office")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
