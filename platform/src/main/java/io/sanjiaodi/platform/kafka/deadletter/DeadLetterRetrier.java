package io.sanjiaodi.platform.kafka.deadletter;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.sanjiaodi.platform.Refusal;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.BatchAcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Hands the dead letters of one key back to the consumer group's own listener, oldest first,
 * after a fix. Stops at the first that still fails, so the key's order is never broken.
 */
public class DeadLetterRetrier {

    public record Result(String group, String key, int handled, int remaining, String error) {}

    private final KafkaListenerEndpointRegistry registry;
    private final DeadLetterStore store;

    public DeadLetterRetrier(KafkaListenerEndpointRegistry registry, DeadLetterStore store) {
        this.registry = registry;
        this.store = store;
    }

    public Result retry(String group, String key) {
        java.util.function.Consumer<ConsumerRecord<String, CloudEvent>> listener = listenerOf(group);
        int handled = 0;
        // Letters parked while we retry are picked up by the next round.
        for (int round = 0; round < 10; round++) {
            List<DeadLetter> letters = store.forKey(group, key);
            if (letters.isEmpty()) {
                break;
            }
            for (DeadLetter letter : letters) {
                try {
                    ConsumerRecord<String, CloudEvent> record = record(letter);
                    DeadLetters.retrying(() -> listener.accept(record));
                } catch (RuntimeException stillFailing) {
                    Throwable cause = stillFailing.getCause() != null ? stillFailing.getCause() : stillFailing;
                    return new Result(
                            group, key, handled, store.forKey(group, key).size(), cause.getMessage());
                }
                store.remove(letter);
                handled++;
            }
        }
        return new Result(group, key, handled, store.forKey(group, key).size(), null);
    }

    /** The group's listener, called past its container's interceptors (which would park the letter again). */
    @SuppressWarnings("unchecked")
    private java.util.function.Consumer<ConsumerRecord<String, CloudEvent>> listenerOf(String group) {
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            if (!group.equals(container.getGroupId())) {
                continue;
            }
            Object listener = container.getContainerProperties().getMessageListener();
            if (listener instanceof AcknowledgingConsumerAwareMessageListener<?, ?> record) {
                var typed = (AcknowledgingConsumerAwareMessageListener<String, CloudEvent>) record;
                return letter -> typed.onMessage(letter, null, null);
            }
            if (listener instanceof BatchAcknowledgingConsumerAwareMessageListener<?, ?> batch) {
                var typed = (BatchAcknowledgingConsumerAwareMessageListener<String, CloudEvent>) batch;
                return letter -> typed.onMessage(List.of(letter), null, null);
            }
        }
        throw Refusal.notFound("CONSUMER_GROUP_NOT_FOUND", "no listener of consumer group " + group + " here");
    }

    private static ConsumerRecord<String, CloudEvent> record(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, byte[]> header : letter.headers().entrySet()) {
            headers.add(header.getKey(), header.getValue());
        }
        CloudEvent event;
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            event = deserializer.deserialize(letter.topic(), headers, letter.value());
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("letter " + letter.id() + " is still not a CloudEvent", unreadable);
        }
        return new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(), letter.key(), event);
    }
}
