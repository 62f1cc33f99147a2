package io.sanjiaodi.platform.kafka.deadletter;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * WARNING while dead letters wait: the service works, but some aggregate's events are held back.
 * Not part of readiness — a poison event must not take the whole service out of rotation.
 */
public class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    public static final Status WARNING = new Status("WARNING", "dead letters are waiting for a retry");
    private final DeadLetterStore store;

    public DeadLetterHealthIndicator(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long count = store.count();
        builder.status(count == 0 ? Status.UP : WARNING).withDetail("deadLetters", count);
    }
}
