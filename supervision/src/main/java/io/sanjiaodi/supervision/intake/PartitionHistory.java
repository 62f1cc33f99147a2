package io.sanjiaodi.supervision.intake;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.sanjiaodi.supervision.projection.MissedEvents;
import io.sanjiaodi.supervision.projection.RecordedEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads back what a model missed from the partition its next event came from: the producer keys
 * every record by its aggregate, so all of an aggregate's events are in that partition, before
 * that offset. It reads from the partition's start without a consumer group — a full scan, paid
 * only when a gap is found (a model write lost after the offset was committed, a restored backup
 * of the models). Values are read as bytes and decoded one by one, so a poison record on the way
 * is passed over instead of stopping the scan.
 */
final class PartitionHistory {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private final Map<String, Object> config;

    PartitionHistory(Map<String, Object> kafkaConsumerConfig) {
        this.config = new HashMap<>(kafkaConsumerConfig);
        this.config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    }

    /** The events missed before the record at {@code offset} of {@code topic}'s {@code partition}. */
    MissedEvents before(String topic, int partition, long offset) {
        return (next, from) -> read(new TopicPartition(topic, partition), offset, next, from);
    }

    private List<RecordedEvent> read(TopicPartition partition, long before, RecordedEvent next, long from) {
        List<RecordedEvent> found = new ArrayList<>();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
                CloudEventDeserializer events = new CloudEventDeserializer()) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (consumer.position(partition) < before) {
                if (System.nanoTime() > deadline) {
                    // the listener retries the record: the gap is filled on a later try, never skipped
                    throw new IllegalStateException("reading back " + partition + " took longer than " + LIMIT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < before && next.aggregateId().equals(record.key())) {
                        RecordedEvent missed = decode(events, record);
                        if (missed != null && missed.sequence() >= from && missed.sequence() < next.sequence()) {
                            found.add(missed);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static RecordedEvent decode(CloudEventDeserializer events, ConsumerRecord<String, byte[]> record) {
        try {
            CloudEvent event = events.deserialize(record.topic(), record.headers(), record.value());
            return event == null ? null : RecordedEvents.of(event);
        } catch (IOException | RuntimeException poison) {
            return null; // the live listener parked it; it is not this aggregate's history
        }
    }
}
