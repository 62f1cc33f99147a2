package io.sanjiaodi.platform.kafka.deadletter;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A Kafka record a consumer group could not handle, kept with its raw bytes so it can be retried
 * after a fix. {@code reason} is FAILED for the record that failed and PARKED_BEHIND for later
 * records of the same key, held back so that one aggregate's events are never applied out of order.
 */
@Document("dead_letters")
public record DeadLetter(
        @Id String id,
        String group,
        String topic,
        int partition,
        long offset,
        String key,
        String eventId,
        String type,
        String reason,
        String error,
        Instant parkedAt,
        Map<String, byte[]> headers,
        byte[] value) {

    public static final String FAILED = "FAILED";
    public static final String PARKED_BEHIND = "PARKED_BEHIND";

    static String idOf(String group, String topic, int partition, long offset) {
        return group + ":" + topic + ":" + partition + ":" + offset;
    }
}
