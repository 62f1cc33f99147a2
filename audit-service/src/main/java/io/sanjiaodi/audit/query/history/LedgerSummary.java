package io.sanjiaodi.audit.query.history;

import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.contracts.rectification.TaskStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * A rectification ledger as far as its events tell: the tasks opened and how many stand in each
 * status, in the contracts' one vocabulary ({@link TaskStatus}: OPEN, PLANNED, VERIFIED) that the
 * ledgers and supervision use too. Task events that do not move the status (progress, evidence,
 * overdue, ...) leave it as it was; unknown ones are ignored.
 */
public record LedgerSummary(String interviewId, int tasks, Map<String, Integer> taskStatuses, boolean closed) {

    static final class Fold {
        private String interviewId;
        private boolean closed;
        private final Map<String, TaskStatus> statusByTask = new LinkedHashMap<>();

        void apply(AuditEntry e) {
            Document p = e.payload() == null ? new Document() : e.payload();
            if ("RectificationOpened".equals(e.type())) {
                interviewId = p.getString("interviewId");
                if (p.get("tasks") instanceof Iterable<?> tasks) {
                    for (Object t : tasks) {
                        if (t instanceof Document task) {
                            statusByTask.put(String.valueOf(task.get("taskId")), TaskStatus.OPEN);
                        }
                    }
                }
            } else if ("RectificationClosed".equals(e.type())) {
                closed = true;
            } else if (p.get("taskId") != null) {
                statusByTask.computeIfPresent(p.get("taskId").toString(), (id, now) -> next(now, e.type()));
            }
        }

        private static TaskStatus next(TaskStatus now, String eventType) {
            return switch (eventType) {
                case "TaskPlanned", "TaskPlanRevised" -> now.planned();
                case "TaskVerified" -> TaskStatus.VERIFIED;
                case "TaskVerificationFailed" -> TaskStatus.PLANNED;
                default -> now;
            };
        }

        LedgerSummary result() {
            Map<String, Integer> counts = new TreeMap<>();
            statusByTask.values().forEach(s -> counts.merge(s.name(), 1, Integer::sum));
            return new LedgerSummary(interviewId, statusByTask.size(), counts, closed);
        }
    }
}
