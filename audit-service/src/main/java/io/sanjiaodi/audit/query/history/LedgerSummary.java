package io.sanjiaodi.audit.query.history;

import io.sanjiaodi.audit.ingest.AuditEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * A rectification ledger as far as its events tell: the tasks opened and each task's last status.
 * Events about one task carry {@code taskId}; their {@code status} field if present, else their
 * type name, becomes that task's status, so later ledger events need no change here.
 */
public record LedgerSummary(String interviewId, int tasks, Map<String, Integer> taskStatuses, boolean closed) {

    static final class Fold {
        private String interviewId;
        private boolean closed;
        private final Map<String, String> statusByTask = new LinkedHashMap<>();

        void apply(AuditEntry e) {
            Document p = e.payload() == null ? new Document() : e.payload();
            if ("RectificationOpened".equals(e.type())) {
                interviewId = p.getString("interviewId");
                if (p.get("tasks") instanceof Iterable<?> tasks) {
                    for (Object t : tasks) {
                        if (t instanceof Document task) {
                            statusByTask.put(String.valueOf(task.get("taskId")), "OPEN");
                        }
                    }
                }
            } else if ("RectificationClosed".equals(e.type())) {
                closed = true;
            } else if (p.get("taskId") != null) {
                Object status = p.get("status");
                statusByTask.put(p.get("taskId").toString(), status != null ? status.toString() : e.type());
            }
        }

        LedgerSummary result() {
            Map<String, Integer> counts = new TreeMap<>();
            statusByTask.values().forEach(s -> counts.merge(s, 1, Integer::sum));
            return new LedgerSummary(interviewId, statusByTask.size(), counts, closed);
        }
    }
}
