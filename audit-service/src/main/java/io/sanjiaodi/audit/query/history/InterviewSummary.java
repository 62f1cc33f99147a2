package io.sanjiaodi.audit.query.history;

import io.sanjiaodi.audit.ingest.AuditEntry;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * An interview as its events tell it: status, lead interviewer, the items on each list.
 *
 * @param items      item count per list (RESPONSIBILITY, PROBLEM, RISK)
 * @param listVersion the latest list version an event reported
 */
public record InterviewSummary(
        String status,
        String leadInterviewer,
        String entrustedDeputy,
        Map<String, Integer> items,
        Integer listVersion) {

    static final class Fold {
        private String status;
        private String lead;
        private String deputy;
        private Integer listVersion;
        private final Map<String, Set<String>> items = new TreeMap<>();

        void apply(AuditEntry e) {
            Document p = e.payload() == null ? new Document() : e.payload();
            String type = e.type() == null ? "" : e.type();
            switch (type) {
                case "InterviewScheduled", "InterviewRescheduled" -> status = "SCHEDULED";
                case "InterviewCancelled" -> status = "CANCELLED";
                case "InterviewSchedulingRefused" -> status = status == null ? "REFUSED" : status;
                case "InterviewConducted" -> {
                    status = "CONDUCTED";
                    if (p.get("lists") instanceof Document lists) {
                        items.put("RESPONSIBILITY", ids(lists.get("responsibilities")));
                        items.put("PROBLEM", ids(lists.get("problems")));
                        items.put("RISK", ids(lists.get("risks")));
                    }
                }
                case "LeadInterviewerEntrusted" -> deputy = name(p.get("deputy"));
                default -> listItem(type, p);
            }
            if (p.get("leadInterviewer") != null) {
                lead = name(p.get("leadInterviewer"));
            }
            if (p.get("listVersion") instanceof Number v) {
                listVersion = v.intValue();
            }
        }

        private void listItem(String type, Document p) {
            for (String list : new String[] {"Responsibility", "Problem", "Risk"}) {
                Set<String> set = items.computeIfAbsent(list.toUpperCase(), k -> new LinkedHashSet<>());
                if (type.equals(list + "ItemAdded") && p.get("item") instanceof Document item) {
                    set.add(String.valueOf(item.get("itemId")));
                } else if (type.equals(list + "ItemRemoved")) {
                    set.remove(String.valueOf(p.get("itemId")));
                }
            }
        }

        private static Set<String> ids(Object list) {
            Set<String> ids = new LinkedHashSet<>();
            if (list instanceof Iterable<?> it) {
                int i = 0;
                for (Object o : it) {
                    ids.add(
                            o instanceof Document d && d.get("itemId") != null
                                    ? d.get("itemId").toString()
                                    : "#" + i);
                    i++;
                }
            }
            return ids;
        }

        private static String name(Object person) {
            return person instanceof Document d
                    ? (d.getString("name") != null ? d.getString("name") : d.getString("personId"))
                    : null;
        }

        InterviewSummary result() {
            Map<String, Integer> counts = new TreeMap<>();
            items.forEach((list, ids) -> counts.put(list, ids.size()));
            return new InterviewSummary(status, lead, deputy, counts, listVersion);
        }
    }
}
