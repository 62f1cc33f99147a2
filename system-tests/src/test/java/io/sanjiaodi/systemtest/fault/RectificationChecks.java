package io.sanjiaodi.systemtest.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.systemtest.fault.Histories.StoredEvent;
import java.util.List;

/** The ledger read model of rectification-service held against a ledger's stored history. */
final class RectificationChecks {

    private final Cluster cluster;
    private final Api api;

    RectificationChecks(Cluster cluster, Api api) {
        this.cluster = cluster;
        this.api = api;
    }

    /** The view has applied every stored event, shows a plan iff one is stored, and every progress report. */
    void readModel(String ledgerId, List<StoredEvent> history, Tally tally) {
        JsonNode view = api.get(
                cluster.url(Cluster.Node.RECTIFICATION) + "/api/ledgers/" + ledgerId, TestTokens.token("office"));
        long planned =
                history.stream().filter(e -> "TaskPlanned".equals(e.type())).count();
        long reports = history.stream()
                .filter(e -> "ProgressReported".equals(e.type()))
                .count();
        if (view == null) {
            tally.readModelProblems++;
            tally.findings.add(ledgerId + ": no ledger view for a stored history of " + history.size());
            return;
        }
        long shownPlans = 0;
        long shownReports = 0;
        for (JsonNode task : view.path("tasks")) {
            shownPlans +=
                    task.path("deadline").isNull() || task.path("deadline").isMissingNode() ? 0 : 1;
            shownReports += task.path("progressReports").size();
        }
        if (view.path("lastSequence").asLong() != history.size() - 1
                || shownPlans != planned
                || shownReports != reports) {
            tally.readModelProblems++;
            tally.findings.add(ledgerId + ": ledger view (lastSequence "
                    + view.path("lastSequence").asLong() + ", "
                    + shownPlans + " plans, " + shownReports + " progress reports) disagrees with its history of "
                    + history.size() + " (" + planned + " plans, " + reports + " progress reports)");
        }
    }
}
