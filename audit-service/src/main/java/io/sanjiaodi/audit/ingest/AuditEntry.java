package io.sanjiaodi.audit.ingest;

import java.time.Instant;
import org.bson.Document;
import org.springframework.data.annotation.Id;

/**
 * One event as received, stored once and never changed. The id is the CloudEvents id, which is
 * what makes a redelivery a no-op.
 */
@org.springframework.data.mongodb.core.mapping.Document("audit_entries")
public record AuditEntry(
        @Id String eventId,
        String type,
        String source,
        String aggregateId,
        String aggregateType,
        Long aggregateSequence,
        String correlationId,
        Instant eventTime,
        Instant recordedAt,
        String topic,
        int partition,
        long offset,
        Document payload) {
}
