package io.sanjiaodi.audit.ingest;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.CloudEventAttributes;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records every event of every configured topic into the log, exactly once, insert-only. One
 * listener thread ({@code concurrency = 1}) over all partitions is what makes index assignment
 * race-free; batches keep it above the ingestion target with one MongoDB round trip per poll.
 */
@Component
class AuditIngestor {

    /** CloudEvents extension naming who caused the event (the user id); null for the services' own work. */
    static final String ACTOR = CloudEventAttributes.ACTOR;

    private final AuditLog log;

    AuditIngestor(AuditLog log) {
        this.log = log;
    }

    @KafkaListener(
            topics = "#{@auditTopics}",
            groupId = "audit-service",
            concurrency = "1",
            containerFactory = "auditListenerContainerFactory")
    void on(List<ConsumerRecord<String, CloudEvent>> records) {
        log.append(records.stream().map(AuditIngestor::toDraft).toList());
    }

    static AuditEntry toDraft(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        String sequence = extension(event, CloudEventAttributes.AGGREGATE_SEQUENCE);
        Document payload = event.getData() == null
                ? null
                : Document.parse(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        return new AuditEntry(
                event.getId(),
                null,
                event.getType(),
                event.getSource().toString(),
                event.getSubject(),
                extension(event, CloudEventAttributes.AGGREGATE_TYPE),
                sequence == null ? null : Long.valueOf(sequence),
                extension(event, CloudEventAttributes.CORRELATION_ID),
                extension(event, ACTOR),
                event.getTime() == null ? null : event.getTime().toInstant().truncatedTo(ChronoUnit.MILLIS),
                null,
                record.topic(),
                record.partition(),
                record.offset(),
                PayloadFields.find(payload, "unitId"),
                PayloadFields.find(payload, "jurisdictionId"),
                null,
                null,
                null,
                payload);
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
