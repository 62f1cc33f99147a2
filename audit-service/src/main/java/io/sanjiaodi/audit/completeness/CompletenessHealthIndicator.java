package io.sanjiaodi.audit.completeness;

import io.sanjiaodi.audit.query.ReaderScope;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code producerCompleteness} in /actuator/health: DOWN when the log misses, past the grace, an
 * event a producer stated (a position, an aggregate's tail, a whole aggregate), holds other ids than
 * it signed, or a producer's latest statement is forged; the findings name them. Not in readiness.
 */
@Component("producerCompleteness")
class CompletenessHealthIndicator extends AbstractHealthIndicator {

    private final CompletenessChecker checker;

    CompletenessHealthIndicator(CompletenessChecker checker) {
        super("producer completeness check failed");
        this.checker = checker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CompletenessReport report = checker.check(ReaderScope.everything());
        builder.status(report.ok() ? "UP" : "DOWN").withDetail("producers", report.producers());
        if (!report.forged().isEmpty()) {
            builder.withDetail("forged", report.forged());
        }
    }
}
