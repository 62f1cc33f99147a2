package io.sanjiaodi.audit.leader;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Component {@code auditWriter} of health and readiness: UP on the writer, OUT_OF_SERVICE on a
 * standby (alive and current, but not where requests should go).
 */
public class AuditWriterHealthIndicator extends AbstractHealthIndicator {

    private final AuditWriter writer;
    private final WriterLease lease;

    public AuditWriterHealthIndicator(AuditWriter writer, WriterLease lease) {
        this.writer = writer;
        this.lease = lease;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean writing = writer.writing() && lease.isWriter();
        (writing ? builder.up() : builder.outOfService())
                .withDetail("role", writing ? "writer" : "standby")
                .withDetail("instance", lease.instance())
                .withDetail("epoch", lease.epoch());
    }
}
