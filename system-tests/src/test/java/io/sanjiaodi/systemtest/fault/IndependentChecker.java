package io.sanjiaodi.systemtest.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.systemtest.Audit;
import io.sanjiaodi.systemtest.RawKafka;
import io.sanjiaodi.systemtest.fault.Acks.Flow;
import io.sanjiaodi.systemtest.fault.Histories.StoredEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares what clients were told with what every part of the system holds: the event stores
 * (read directly), the Kafka topics (read with a plain consumer), the audit trail, the read
 * models and the dead letters (through the APIs). It trusts none of the services' own bookkeeping.
 */
final class IndependentChecker {

    record Report(
            Tally interviews,
            Tally ledgers,
            int poison,
            Map<String, Integer> deadLetters,
            String auditLog,
            List<String> findings) {
        boolean clean() {
            return findings.isEmpty();
        }

        @Override
        public String toString() {
            return interviews + "\n" + ledgers + "\npoison records injected " + poison + ", dead letters per group "
                    + deadLetters + "\naudit log (offline verifier over the export) " + auditLog + "\nfindings "
                    + findings.size() + (findings.isEmpty() ? "" : ": " + findings);
        }
    }

    private final Cluster cluster;
    private final Api api = new Api();

    IndependentChecker(Cluster cluster) {
        this.cluster = cluster;
    }

    Report check(Acks interviewAcks, Acks ledgerAcks, PoisonInjector poison) throws Exception {
        RawKafka kafka = new RawKafka(cluster.kafkaBootstrap());
        Map<String, Integer> interviewTopic = kafka.countsByEventId("interview.events");
        Map<String, Integer> ledgerTopic = kafka.countsByEventId("rectification.events");
        Map<String, List<String>> audit = new Audit(cluster.auditUrl()).eventIdsByAggregate();
        Tally interviews = new Tally("interviews");
        Tally ledgers = new Tally("ledgers");
        try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), "postgres", "");
                Histories interviewStore = new Histories(db, "interview");
                Histories ledgerStore = new Histories(db, "rectification")) {
            for (Map.Entry<String, Flow> flow : interviewAcks.flows().entrySet()) {
                checkInterview(
                        flow.getKey(),
                        flow.getValue(),
                        interviewStore,
                        ledgerStore,
                        ledgerAcks,
                        interviewTopic,
                        audit,
                        interviews);
            }
            RectificationChecks ledgerChecks = new RectificationChecks(cluster, api);
            for (Map.Entry<String, Flow> flow : ledgerAcks.flows().entrySet()) {
                List<StoredEvent> history = ledgerStore.of(flow.getKey());
                Histories.compare(
                        flow.getKey(),
                        history,
                        flow.getValue(),
                        ledgerTopic,
                        audit.getOrDefault(flow.getKey(), List.of()),
                        ledgers);
                ledgerChecks.readModel(flow.getKey(), history, ledgers);
            }
        }
        List<String> findings = new ArrayList<>(interviews.findings);
        findings.addAll(ledgers.findings);
        Map<String, Integer> deadLetters = new TreeMap<>();
        findings.addAll(poison.checkDeadLetters(
                cluster.auditUrl(),
                "audit-service",
                Map.of(
                        "audit-service",
                        Set.copyOf(PoisonInjector.TOPICS),
                        "supervision",
                        Set.copyOf(PoisonInjector.TOPICS)),
                deadLetters));
        findings.addAll(poison.checkDeadLetters(
                cluster.url(Cluster.Node.RECTIFICATION),
                "rectification-service",
                Map.of("rectification-service", Set.of("interview.events")),
                deadLetters));
        AuditLogCheck.Result log =
                new AuditLogCheck().check(cluster.auditUrl(), cluster.workDir().resolve("audit-check"));
        if (!log.ok()) {
            findings.add("the audit log does not verify: " + log.summary() + " " + log.failures());
        }
        return new Report(interviews, ledgers, poison.injected().size(), deadLetters, log.summary(), findings);
    }

    private void checkInterview(
            String id,
            Flow flow,
            Histories interviewStore,
            Histories ledgerStore,
            Acks ledgerAcks,
            Map<String, Integer> onKafka,
            Map<String, List<String>> audit,
            Tally tally)
            throws Exception {
        List<StoredEvent> history = interviewStore.of(id);
        Histories.compare(id, history, flow, onKafka, audit.getOrDefault(id, List.of()), tally);
        String office = TestTokens.token("office");
        JsonNode view = api.get(cluster.url(Cluster.Node.INTERVIEW) + "/api/interviews/" + id, office);
        boolean conducted = history.stream().anyMatch(e -> "InterviewConducted".equals(e.type()));
        if (view == null
                || conducted != "CONDUCTED".equals(view.path("status").asText())
                || view.path("lastSequence").asLong() != history.size() - 1) {
            tally.readModelProblems++;
            tally.findings.add(id + ": interview read model disagrees with its history: " + view);
        }
        JsonNode ledgers = api.get(cluster.url(Cluster.Node.RECTIFICATION) + "/api/ledgers?interviewId=" + id, office);
        if (ledgers == null || ledgers.size() != (conducted ? 1 : 0)) {
            tally.readModelProblems++;
            tally.findings.add(id + ": " + (ledgers == null ? "no answer for the" : ledgers.size())
                    + " ledgers for an interview conducted=" + conducted);
        }
        // a ledger the rectification client worked on is held against that client's acknowledgements
        String ledgerId = "ledger-" + id;
        if (conducted && !ledgerAcks.flows().containsKey(ledgerId)) {
            List<StoredEvent> opened = ledgerStore.of(ledgerId);
            if (opened.size() != 1
                    || !"RectificationOpened".equals(opened.get(0).type())) {
                tally.readModelProblems++;
                tally.findings.add(id + ": ledger history is " + opened + ", expected one RectificationOpened");
            }
        }
    }
}
