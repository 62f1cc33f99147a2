package io.sanjiaodi.audit.ingest;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.audit.completeness.CompletenessProperties;
import io.sanjiaodi.audit.completeness.ProducerIndex;
import io.sanjiaodi.audit.leader.WriterRole;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.contracts.TraceParent;
import io.sanjiaodi.platform.kafka.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
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
 * <p>
 * A record that cannot be an entry (not a CloudEvent, data that is not a JSON object, a malformed
 * sequence) is parked in the dead-letter queue with the later records of its key, and the rest of
 * the batch is recorded: one poison record must not pause every partition. A failure to append
 * (MongoDB down, a broken log) is not any record's fault: the batch is retried until it passes.
 */
@Component
class AuditIngestor {

    /** CloudEvents extension naming who caused the event (the user id); null for the services' own work. */
    static final String ACTOR = CloudEventAttributes.ACTOR;

    private final AuditLog log;
    private final ProducerIndex positions;
    private final Set<String> withheld;
    private final DeadLetters deadLetters;
    private final WriterRole role;

    AuditIngestor(
            AuditLog log,
            ProducerIndex positions,
            CompletenessProperties completeness,
            DeadLetters deadLetters,
            WriterRole role) {
        this.log = log;
        this.role = role;
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.withheld = Set.copyOf(completeness.withholdTypes());
        if (!withheld.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(AuditIngestor.class)
                    .warn("TEST HOOK: events of types {} are withheld from the audit log", withheld);
        }
    }

    /** The consumer group, also the dead letters' group ({@code POST /api/dead-letters/retry?group=audit-service}). */
    static final String GROUP = "audit-service";

    @KafkaListener(
            id = "audit-ingest",
            autoStartup = "false", // started on the writer only (leader.AuditWriter)
            topics = "#{@auditTopics}",
            groupId = GROUP,
            concurrency = "1",
            containerFactory = "auditListenerContainerFactory")
    void on(List<ConsumerRecord<String, CloudEvent>> records) {
        // a standby's listener is stopped; this catches a writer whose lease ran out mid-batch
        // (the batch is retried, and the next writer's consumer gets its partitions)
        role.requireWriter();
        List<AuditEntry> drafts = new ArrayList<>(records.size());
        List<ProducerIndex.Position> places = new ArrayList<>(records.size());
        Set<String> parkedNow = new HashSet<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            if (record.value() != null && withheld.contains(record.value().getType())) {
                continue;
            }
            if (record.key() != null && parkedNow.contains(record.key())) {
                deadLetters.parkBehind(GROUP, record);
                continue;
            }
            try {
                AuditEntry draft = toDraft(record);
                ProducerIndex.Position place = position(record);
                drafts.add(draft);
                if (place != null) {
                    places.add(place);
                }
            } catch (RuntimeException poison) {
                deadLetters.park(GROUP, record, poison);
                if (record.key() != null) {
                    parkedNow.add(record.key());
                }
            }
        }
        log.append(drafts);
        // after the log holds them (a crash in between: the redelivery records them)
        positions.record(places);
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
        if (event == null) {
            // the ErrorHandlingDeserializer's mark of a record that is not a CloudEvent
            throw new IllegalArgumentException("the record is not a CloudEvent");
        }
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
                TraceParent.traceId(extension(event, CloudEventAttributes.TRACE_PARENT)),
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
