package io.sanjiaodi.platform.kafka.deadletter;

import io.sanjiaodi.platform.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * The outbox relay's dead letters as operators see them beside the consumers' ones: the events
 * the broker would not take, each aggregate's in order, kept in the event store's database by
 * Axon's sequenced dead-letter queue. A retry hands an aggregate's letters back to the relay,
 * oldest first, and stops at the first that still fails.
 */
public class OutboxDeadLetters {

    private final Configuration axon;
    private final String group;
    private final String topic;

    public OutboxDeadLetters(Configuration axon, String group, String topic) {
        this.axon = axon;
        this.group = group;
        this.topic = topic;
    }

    public String group() {
        return group;
    }

    public long count() {
        return queue().size();
    }

    /** Summaries of at most {@code limit} letters, aggregate by aggregate. */
    public List<DeadLetterSummary> summaries(int limit) {
        List<DeadLetterSummary> summaries = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue().deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (summaries.size() >= limit) {
                    return summaries;
                }
                summaries.add(summary(letter));
            }
        }
        return summaries;
    }

    public DeadLetterRetrier.Result retry(String key) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = axon.eventProcessingConfiguration()
                .sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> Refusal.notFound("CONSUMER_GROUP_NOT_FOUND", "no dead-letter queue for " + group));
        long before = queue().sequenceSize(key);
        boolean handled = before == 0 || processor.process(letter -> key.equals(keyOf(letter.message())));
        long remaining = queue().sequenceSize(key);
        String error = handled ? null : firstCause(key);
        return new DeadLetterRetrier.Result(
                group, key, Math.toIntExact(before - remaining), Math.toIntExact(remaining), error);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return axon.eventProcessingConfiguration()
                .deadLetterQueue(group)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + group));
    }

    /** Of the error, only its type: a broker's or serializer's message can quote the payload. */
    private String firstCause(String key) {
        for (DeadLetter<? extends EventMessage<?>> letter : queue().deadLetterSequence(key)) {
            return letter.cause().map(OutboxDeadLetters::typeOf).orElse(null);
        }
        return null;
    }

    private DeadLetterSummary summary(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        return new DeadLetterSummary(
                group + ":" + event.getIdentifier(),
                group,
                topic,
                null,
                null,
                keyOf(event),
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                letter.cause().isPresent()
                        ? io.sanjiaodi.platform.kafka.deadletter.DeadLetter.FAILED
                        : io.sanjiaodi.platform.kafka.deadletter.DeadLetter.PARKED_BEHIND,
                letter.cause().map(OutboxDeadLetters::typeOf).orElse(null),
                letter.enqueuedAt(),
                event.serializePayload(axon.eventSerializer(), byte[].class).getData().length);
    }

    private static String typeOf(Cause cause) {
        String type = cause.type();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String keyOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
