package io.sanjiaodi.platform.kafka.deadletter;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Both ends of the sequenced dead-letter queue on the consumer side: the recoverer parks a record
 * whose handling failed for good; the interceptors (one for record listeners, one for batch
 * listeners) park every later record of the same key instead of handling it, while records of
 * other keys keep flowing. A batch listener parks its own poison records ({@link #park}).
 */
public class DeadLetters
        implements ConsumerAwareRecordRecoverer, RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object> {

    private static final LogAccessor LOG = new LogAccessor(DeadLetters.class);
    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);
    private final DeadLetterStore store;

    public DeadLetters(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        String group = consumer.groupMetadata().groupId();
        if (store.hasParked(group, keyOf(record))) {
            parkBehind(group, record);
            return null;
        }
        return record;
    }

    /** The batch without the records whose key has parked letters; those are parked behind them. */
    @Override
    public ConsumerRecords<Object, Object> intercept(
            ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        String group = consumer.groupMetadata().groupId();
        Map<TopicPartition, List<ConsumerRecord<Object, Object>>> kept = new LinkedHashMap<>();
        boolean heldBack = false;
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<Object, Object>> flowing = new ArrayList<>();
            for (ConsumerRecord<Object, Object> record : records.records(partition)) {
                if (store.hasParked(group, keyOf(record))) {
                    parkBehind(group, record);
                    heldBack = true;
                } else {
                    flowing.add(record);
                }
            }
            kept.put(partition, flowing);
        }
        return heldBack ? new ConsumerRecords<>(kept, records.nextOffsets()) : records;
    }

    /**
     * A batch listener's poison record: parked for good, its key's later records behind it. During
     * a retry of its letters ({@link DeadLetterRetrier}) the failure is thrown instead, so the
     * retry sees the letter still fail and keeps it.
     */
    public void park(String group, ConsumerRecord<?, ?> record, Throwable failure) {
        if (RETRYING.get()) {
            throw failure instanceof RuntimeException unchecked
                    ? unchecked
                    : new IllegalStateException("the dead letter still fails", failure);
        }
        LOG.warn(
                failure,
                () -> "parking " + record.topic() + "-" + record.partition() + "@" + record.offset() + " of group "
                        + group + " as a dead letter");
        store.park(letter(
                group, record, DeadLetter.FAILED, failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    /** A record held back because an earlier record of its key is parked. */
    public void parkBehind(String group, ConsumerRecord<?, ?> record) {
        store.park(letter(group, record, DeadLetter.PARKED_BEHIND, "an earlier event of this key is dead-lettered"));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        LOG.warn(
                cause,
                () -> "parking " + record.topic() + "-" + record.partition() + "@" + record.offset()
                        + " as a dead letter (the list endpoint shows only the error's type)");
        store.park(letter(
                consumer.groupMetadata().groupId(),
                record,
                DeadLetter.FAILED,
                cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }

    /** Runs a dead letter's retry on this thread: {@link #park} throws instead of parking. */
    static void retrying(Runnable retry) {
        RETRYING.set(true);
        try {
            retry.run();
        } finally {
            RETRYING.remove();
        }
    }

    static DeadLetter letter(String group, ConsumerRecord<?, ?> record, String reason, String error) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(SerializationUtils.DESERIALIZER_EXCEPTION_HEADER_PREFIX)) {
                headers.put(header.key(), header.value());
            }
        }
        return new DeadLetter(
                DeadLetter.idOf(group, record.topic(), record.partition(), record.offset()),
                group,
                record.topic(),
                record.partition(),
                record.offset(),
                keyOf(record),
                header(headers, "ce_id", record, CloudEvent::getId),
                header(headers, "ce_type", record, CloudEvent::getType),
                reason,
                error,
                Instant.now(),
                headers,
                rawValue(record));
    }

    private static String keyOf(ConsumerRecord<?, ?> record) {
        return record.key() == null ? null : record.key().toString();
    }

    /** The CloudEvents attribute from the record's headers, or from the event itself (structured mode, in-process). */
    private static String header(
            Map<String, byte[]> headers,
            String name,
            ConsumerRecord<?, ?> record,
            java.util.function.Function<CloudEvent, String> attribute) {
        byte[] value = headers.get(name);
        if (value != null) {
            return new String(value, StandardCharsets.UTF_8);
        }
        return record.value() instanceof CloudEvent event ? attribute.apply(event) : null;
    }

    /** The bytes as they were on the topic: a value that could not even be read is kept as such. */
    private static byte[] rawValue(ConsumerRecord<?, ?> record) {
        DeserializationException failed = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (failed != null) {
            return failed.getData();
        }
        return record.value() instanceof CloudEvent event && event.getData() != null
                ? event.getData().toBytes()
                : null;
    }
}
