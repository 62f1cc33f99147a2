package io.sanjiaodi.audit.gaps;

import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.leaf.Gap;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code auditGaps} in /actuator/health: DOWN while an aggregate misses events (one aggregate's
 * events share a partition, so a gap is a lost or reordered event, not normal lag) or the log
 * refuses appends. Not part of readiness: the service still answers queries meanwhile.
 */
@Component("auditGaps")
class GapsHealthIndicator extends AbstractHealthIndicator {

    private final AuditLog log;

    GapsHealthIndicator(AuditLog log) {
        super("audit gap check failed");
        this.log = log;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Gap> gaps = log.gaps();
        builder.status(gaps.isEmpty() && log.broken() == null ? "UP" : "DOWN")
                .withDetail("aggregatesWithGaps", gaps.size())
                .withDetail("logSize", log.tree().size());
        if (!gaps.isEmpty()) {
            builder.withDetail("gaps", gaps.subList(0, Math.min(10, gaps.size())));
        }
        if (log.broken() != null) {
            builder.withDetail("broken", log.broken());
        }
    }
}
