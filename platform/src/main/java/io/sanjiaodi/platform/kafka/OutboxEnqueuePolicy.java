package io.sanjiaodi.platform.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Which events the outbox relay sets aside as dead letters: only those the broker or the mapping
 * refuses for what the event itself is (too large for the topic, not serializable, an invalid
 * record). Everything else — a broker that is down, slow, or refuses this service's credentials —
 * is not the event's fault: the failure is thrown on, the processor's batch rolls back and is
 * retried, and nothing moves past it. Dead-lettering an outage would set every aggregate aside.
 * <p>
 * Axon's dead-lettering invoker drops an event its policy does not enqueue; throwing from here is
 * how a failure is kept a failure. When a letter is retried and fails again, it is kept whatever
 * the reason, because not enqueueing it there would evict it.
 */
public final class OutboxEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (retryingALetter()) {
            return Decisions.requeue(ThrowableCause.truncated(cause));
        }
        if (isTheEventsFault(cause)) {
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        }
        throw new PublicationPostponed(cause);
    }

    /**
     * True for failures that will recur for this event and no other: the record is too large, cannot
     * be serialized or is invalid. A batch that failed as a whole is never one event's fault (the
     * relay finds the culprit by sending it alone on the retry).
     */
    public static boolean isTheEventsFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BatchNotPublished || t instanceof PublicationPostponed) {
                return false;
            }
            if (t instanceof RecordTooLargeException
                    || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException
                    || t instanceof SerializationException
                    || t instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    /** Axon's dead-letter processing puts the letter into its unit of work's resources. */
    private static boolean retryingALetter() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    /** Thrown on instead of enqueueing: the batch rolls back and the processor retries it. */
    public static final class PublicationPostponed extends RuntimeException {
        PublicationPostponed(Throwable cause) {
            super("not published, retried later: " + cause, cause);
        }
    }

    /** Some sends of a batch failed; which event caused it is learnt by sending it alone next time. */
    public static final class BatchNotPublished extends RuntimeException {
        BatchNotPublished(int failed, Throwable first) {
            super(failed + " event(s) of the batch were not acknowledged by the broker: " + first, first);
        }
    }
}
