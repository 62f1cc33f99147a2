package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the system's state through the services' public APIs only. */
final class SystemProbe {

    static final Duration WITHIN = Duration.ofSeconds(30);

    private final RunningSystem system;
    private final Http http;

    SystemProbe(RunningSystem system, Http http) {
        this.system = system;
        this.http = http;
    }

    InterviewFlow flow() {
        return new InterviewFlow(http, system.url(Service.INTERVIEW));
    }

    JsonNode ledgerOf(String interviewId) {
        JsonNode ledgers = http.get(system.url(Service.RECTIFICATION) + "/api/ledgers?interviewId=" + interviewId)
                .body();
        return ledgers != null && ledgers.size() > 0 ? ledgers.get(0) : null;
    }

    int ledgerCount(String interviewId) {
        return http.get(system.url(Service.RECTIFICATION) + "/api/ledgers?interviewId=" + interviewId)
                .body()
                .size();
    }

    List<JsonNode> auditEntries(String aggregateId) {
        List<JsonNode> entries = new ArrayList<>();
        http.get(system.url(Service.AUDIT) + "/api/audit/events?size=500&aggregateId=" + aggregateId)
                .body()
                .forEach(entries::add);
        entries.sort(Comparator.comparingLong(e -> e.get("aggregateSequence").asLong()));
        return entries;
    }

    List<String> auditTypes(String aggregateId) {
        return auditEntries(aggregateId).stream()
                .map(e -> e.get("type").asText())
                .toList();
    }

    JsonNode get(Service service, String path) {
        return http.get(system.url(service) + path).body();
    }

    /** The slice: conduct an interview and see the ledger opened and both event streams audited. */
    String conductedInterviewReachesEveryService(String unitName) {
        String interviewId = flow().scheduleWithListsAndConduct(unitName);
        JsonNode ledger = await().atMost(WITHIN).until(() -> ledgerOf(interviewId), l -> l != null);
        assertThat(ledger.get("unitName").asText()).isEqualTo(unitName);
        assertThat(ledger.get("tasks").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("DUTY", "PROBLEM_RECTIFICATION", "RISK_PREVENTION");
        String ledgerId = ledger.get("ledgerId").asText();
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(auditTypes(interviewId))
                    .containsExactly(
                            "InterviewScheduled",
                            "ResponsibilityItemAdded",
                            "ProblemItemAdded",
                            "RiskItemAdded",
                            "InterviewConducted");
            assertThat(auditTypes(ledgerId)).containsExactly("RectificationOpened");
        });
        JsonNode interview = await().atMost(WITHIN)
                .until(
                        () -> get(Service.INTERVIEW, "/api/interviews/" + interviewId),
                        v -> "CONDUCTED".equals(v.path("status").asText()));
        assertThat(interview.at("/conduct/listsHash").asText()).hasSize(64);
        return interviewId;
    }
}
