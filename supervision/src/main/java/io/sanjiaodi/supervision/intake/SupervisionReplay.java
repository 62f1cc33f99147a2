package io.sanjiaodi.supervision.intake;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.sanjiaodi.supervision.projection.RecordedEvent;
import io.sanjiaodi.supervision.projection.SupervisionProjector;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Reads the topics from offset 0 up to their end at the start of the replay, without a consumer
 * group, and applies them in batches. The live listener (paused meanwhile) resumes from its own
 * committed offsets afterwards; what both see is skipped by the models' sequence guard. An event
 * the projector cannot apply is skipped together with every later event of its aggregate — the
 * live listener parked them in the dead-letter queue the same way — and counted in the result.
 */
public final class SupervisionReplay {

    private static final Logger log = LoggerFactory.getLogger(SupervisionReplay.class);
    private final Map<String, Object> consumerConfig;
    private final SupervisionProjector projector;

    public SupervisionReplay(Map<String, Object> kafkaConsumerConfig, SupervisionProjector projector) {
        this.consumerConfig = new HashMap<>(kafkaConsumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumerConfig.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 50 * 1024 * 1024);
        this.consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        this.projector = projector;
    }

    /** events read, events that changed a model, aggregates skipped after a failure; the rate counts every event read. */
    public record Result(long events, long changed, int failedAggregates, long millis) {
        public double eventsPerSecond() {
            return millis == 0 ? events : events * 1000.0 / millis;
        }
    }

    public Result replay(Collection<String> topics) {
        long t0 = System.nanoTime();
        long events = 0;
        long changed = 0;
        Set<String> failedAggregates = new HashSet<>();
        try (KafkaConsumer<String, CloudEvent> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> e.getValue() <= consumer.position(e.getKey()));
            while (!end.isEmpty()) {
                List<RecordedEvent> batch = new ArrayList<>();
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(partition);
                    if (last != null && record.offset() < last) {
                        events++;
                        read(record.value(), batch, failedAggregates);
                    }
                }
                changed += apply(batch, failedAggregates);
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        Result result = new Result(
                events,
                changed,
                failedAggregates.size(),
                Duration.ofNanos(System.nanoTime() - t0).toMillis());
        log.info(
                "supervision models rebuilt: {} events in {} ms ({} events/s), {} aggregates skipped after a failure",
                result.events(),
                result.millis(),
                Math.round(result.eventsPerSecond()),
                failedAggregates.size());
        return result;
    }

    private void read(CloudEvent event, List<RecordedEvent> batch, Set<String> failedAggregates) {
        try {
            RecordedEvent recorded = event == null ? null : RecordedEvents.of(event);
            if (recorded != null && !failedAggregates.contains(recorded.aggregateId())) {
                batch.add(recorded);
            }
        } catch (IOException | RuntimeException unreadable) {
            log.warn("replay: unreadable event {} skipped", event.getId(), unreadable);
        }
    }

    private long apply(List<RecordedEvent> batch, Set<String> failedAggregates) {
        try {
            return projector.applyAll(batch).size();
        } catch (RuntimeException e) {
            if (!isHandlingFailure(e)) {
                throw e;
            }
            // one event refused: apply one by one to find it, and skip its aggregate from there on
            long changed = 0;
            for (RecordedEvent event : batch) {
                if (failedAggregates.contains(event.aggregateId())) {
                    continue;
                }
                try {
                    changed += projector.apply(event) ? 1 : 0;
                } catch (RuntimeException refused) {
                    if (!isHandlingFailure(refused)) {
                        throw refused;
                    }
                    log.warn(
                            "replay: event {} of {} could not be applied; its aggregate is skipped",
                            event.eventId(),
                            event.aggregateId(),
                            refused);
                    failedAggregates.add(event.aggregateId());
                }
            }
            return changed;
        }
    }

    /** A store outage aborts the rebuild (to be started again); only an event's own fault is skipped. */
    private static boolean isHandlingFailure(RuntimeException e) {
        return !(e instanceof DataAccessResourceFailureException)
                && !(e instanceof MongoSocketException)
                && !(e instanceof MongoTimeoutException);
    }
}
