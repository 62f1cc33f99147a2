package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.systemtest.fault.Acks.Command;
import io.sanjiaodi.systemtest.fault.Acks.Flow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

/**
 * How long after a restart or SIGCONT the pipeline has caught up: an interview conducted (and
 * acknowledged) after that moment has its ledger in rectification-service's read model and its
 * {@code InterviewConducted} in the audit trail — outbox, broker and both consumers working again.
 */
final class RecoveryProbe {

    private static final long TIMEOUT =
            Duration.ofSeconds(Long.getLong("fault.probe.seconds", 60)).toNanos();
    private final Cluster cluster;
    private final Api api = new Api();

    RecoveryProbe(Cluster cluster) {
        this.cluster = cluster;
    }

    /** @return milliseconds from {@code backNanos} until caught up, or -1 if not within the time-out */
    long pipelineMillis(long backNanos, Acks interviews) {
        long deadline = System.nanoTime() + TIMEOUT;
        String interviewId = null;
        String eventId = null;
        while (System.nanoTime() < deadline) {
            if (interviewId == null) {
                interviewId = conductedAfter(backNanos, interviews);
            } else if (eventId == null) {
                eventId = conductedEventId(interviewId);
            } else if (api.get(cluster.auditUrl() + "/api/audit/events/" + eventId, TestTokens.token("auditor")) != null
                    && hasLedger(interviewId)) {
                return (System.nanoTime() - backNanos) / 1_000_000;
            }
            Cluster.sleep(250);
        }
        return -1;
    }

    private boolean hasLedger(String interviewId) {
        var ledgers = api.get(
                cluster.url(Cluster.Node.RECTIFICATION) + "/api/ledgers?interviewId=" + interviewId,
                TestTokens.token("office"));
        return ledgers != null && ledgers.size() == 1;
    }

    private static String conductedAfter(long nanos, Acks interviews) {
        for (Map.Entry<String, Flow> flow : interviews.flows().entrySet()) {
            for (Command command : flow.getValue().acknowledged()) {
                if ("InterviewConducted".equals(command.type()) && command.nanos() >= nanos) {
                    return flow.getKey();
                }
            }
        }
        return null;
    }

    private String conductedEventId(String interviewId) {
        try (Connection db = DriverManager.getConnection(cluster.postgresUrl(), "postgres", "");
                PreparedStatement query = db.prepareStatement("SELECT eventIdentifier FROM interview.domainevententry"
                        + " WHERE aggregateIdentifier = ? AND payloadType LIKE '%.InterviewConducted'")) {
            query.setString(1, interviewId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception notNow) {
            return null;
        }
    }
}
