package io.sanjiaodi.audit.ingest;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.CloudEventAttributes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records every event of every configured topic, exactly once, insert-only. */
@Component
class AuditIngestor {

    private static final Logger log = LoggerFactory.getLogger(AuditIngestor.class);
    private final MongoTemplate mongo;

    AuditIngestor(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = "#{@auditTopics}", groupId = "audit-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        try {
            mongo.insert(toEntry(record, event));
        } catch (DuplicateKeyException redelivered) {
            log.debug("event {} already recorded", event.getId());
        }
    }

    private static AuditEntry toEntry(ConsumerRecord<String, CloudEvent> record, CloudEvent event) {
        String sequence = extension(event, CloudEventAttributes.AGGREGATE_SEQUENCE);
        Document payload = event.getData() == null ? null
                : Document.parse(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        return new AuditEntry(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                extension(event, CloudEventAttributes.AGGREGATE_TYPE),
                sequence == null ? null : Long.valueOf(sequence),
                extension(event, CloudEventAttributes.CORRELATION_ID),
                event.getTime() == null ? null : event.getTime().toInstant(),
                Instant.now(), record.topic(), record.partition(), record.offset(), payload);
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
