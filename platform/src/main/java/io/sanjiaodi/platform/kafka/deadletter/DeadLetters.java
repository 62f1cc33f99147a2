package io.sanjiaodi.platform.kafka.deadletter;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Both ends of the sequenced dead-letter queue on the consumer side: the recoverer parks a record
 * whose handling failed for good; the interceptor parks every later record of the same key
 * instead of handling it, while records of other keys keep flowing.
 */
public class DeadLetters implements ConsumerAwareRecordRecoverer, RecordInterceptor<Object, Object> {

    private static final LogAccessor LOG = new LogAccessor(DeadLetters.class);
    private final DeadLetterStore store;

    public DeadLetters(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        String group = consumer.groupMetadata().groupId();
        if (store.hasParked(group, keyOf(record))) {
            store.park(
                    letter(group, record, DeadLetter.PARKED_BEHIND, "an earlier event of this key is dead-lettered"));
            return null;
        }
        return record;
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
                header(headers, "ce_id"),
                header(headers, "ce_type"),
                reason,
                error,
                Instant.now(),
                headers,
                rawValue(record));
    }

    private static String keyOf(ConsumerRecord<?, ?> record) {
        return record.key() == null ? null : record.key().toString();
    }

    private static String header(Map<String, byte[]> headers, String name) {
        byte[] value = headers.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
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
