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
    private final OutboxDeadLetters outbox;

    /** @param outbox the outbox relay's letters; null in a service that publishes nothing */
    public DeadLetterHealthIndicator(DeadLetterStore store, OutboxDeadLetters outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long consumed = store.count();
        long unpublished = outbox == null ? 0 : outbox.count();
        builder.status(consumed + unpublished == 0 ? Status.UP : WARNING)
                .withDetail("deadLetters", consumed + unpublished)
                .withDetail("unpublished", unpublished);
    }
}
