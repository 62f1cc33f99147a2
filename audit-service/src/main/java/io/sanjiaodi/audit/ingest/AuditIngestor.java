package io.sanjiaodi.audit.ingest;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.audit.completeness.CompletenessProperties;
import io.sanjiaodi.audit.completeness.ProducerIndex;
import io.sanjiaodi.contracts.CloudEventAttributes;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
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
    private final ProducerIndex positions;
    private final Set<String> withheld;

    AuditIngestor(AuditLog log, ProducerIndex positions, CompletenessProperties completeness) {
        this.log = log;
        this.positions = positions;
        this.withheld = Set.copyOf(completeness.withholdTypes());
        if (!withheld.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(AuditIngestor.class)
                    .warn("TEST HOOK: events of types {} are withheld from the audit log", withheld);
        }
    }

    @KafkaListener(
            topics = "#{@auditTopics}",
            groupId = "audit-service",
            concurrency = "1",
            containerFactory = "auditListenerContainerFactory")
    void on(List<ConsumerRecord<String, CloudEvent>> records) {
        List<ConsumerRecord<String, CloudEvent>> kept = withheld.isEmpty()
                ? records
                : records.stream()
                        .filter(r -> r.value() == null
                                || !withheld.contains(r.value().getType()))
                        .toList();
        log.append(kept.stream().map(AuditIngestor::toDraft).toList());
        // after the log holds them (a crash in between: the redelivery records them)
        positions.record(kept.stream()
                .map(AuditIngestor::position)
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    /** The event's place in its producer's stream, or null for an event published without one. */
    static ProducerIndex.Position position(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        String seq = extension(event, CloudEventAttributes.PRODUCER_SEQUENCE);
        if (seq == null) {
            return null;
        }
        String sequence = extension(event, CloudEventAttributes.AGGREGATE_SEQUENCE);
        return new ProducerIndex.Position(
                event.getId(),
                ProducerIndex.producerOf(event.getSource().toString()),
                Long.parseLong(seq),
                event.getSubject(),
                sequence == null ? null : Long.valueOf(sequence));
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
