package io.sanjiaodi.platform.axon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a read model that records the last aggregate sequence it applied notice what it missed and
 * fetch it from the service's own event store, instead of skipping ahead.
 *
 * <p>A model and its processor's token live in different stores (MongoDB and PostgreSQL), so the
 * token can move past an event whose model write was lost — a restored backup of the read models,
 * a store that lost its last writes. The next event of that aggregate then arrives with a sequence
 * more than one past the model's; this re-applies the events in between, through the same
 * annotated handlers, before the new one is applied. The model's own sequence guard keeps the
 * re-applied events from being applied twice.
 */
public final class SequenceGaps {

    private static final Logger log = LoggerFactory.getLogger(SequenceGaps.class);
    private final EventStore events;
    private final String model;
    private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
    private final ThreadLocal<Boolean> filling = ThreadLocal.withInitial(() -> false);
    private final AtomicLong repaired = new AtomicLong();

    /** @param model the read model's name, for the log */
    public SequenceGaps(EventStore events, String model) {
        this.events = events;
        this.model = model;
    }

    /** Registers a projection whose {@code @EventHandler}s re-apply the missed events (all of the model's halves). */
    public SequenceGaps handledBy(Object projection) {
        handlers.add(new AnnotationEventHandlerAdapter(projection));
        return this;
    }

    /**
     * Re-applies the events of {@code aggregateId} after {@code lastApplied} and before {@code next},
     * if there are any: call it before applying event {@code next} to a model that has applied
     * events up to {@code lastApplied} ({@code -1} for none).
     *
     * @return whether events were re-applied (the caller then reads its model again)
     */
    public boolean fill(String aggregateId, long lastApplied, long next) {
        if (next <= lastApplied + 1 || filling.get()) {
            return false;
        }
        filling.set(true);
        int applied = 0;
        try {
            DomainEventStream stream = events.readEvents(aggregateId, lastApplied + 1);
            while (stream.hasNext() && stream.peek().getSequenceNumber() < next) {
                DomainEventMessage<?> missed = stream.next();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(missed)) {
                        handler.handle(missed);
                    }
                }
                applied++;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("re-applying the events " + model + " missed failed", e);
        } finally {
            filling.set(false);
        }
        repaired.addAndGet(applied);
        log.warn(
                "{}: {} had applied up to sequence {} when event {} arrived; re-applied {} events from the event store",
                model,
                aggregateId,
                lastApplied,
                next,
                applied);
        return applied > 0;
    }

    /** Events re-applied since start, for tests and the operators' log. */
    public long repaired() {
        return repaired.get();
    }
}
