package io.sanjiaodi.audit.ingest;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** CloudEvents as the services publish them, and the drafts the ingestor makes of them. */
public final class Events {

    private Events() {}

    public static CloudEvent event(String id, String aggregateId, long sequence, String type, String json) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create("/sanjiaodi/interview-service"))
                .withSubject(aggregateId)
                .withTime(OffsetDateTime.parse("2018-11-15T09:00:00.123456Z").plusSeconds(sequence))
                .withExtension("aggregatesequence", Long.toString(sequence))
                .withExtension("aggregatetype", "Interview")
                .withExtension("correlationid", "corr-" + id)
                .withData("application/json", json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    public static ConsumerRecord<String, CloudEvent> record(CloudEvent event, long offset) {
        return new ConsumerRecord<>("interview.events", 0, offset, event.getSubject(), event);
    }

    public static AuditEntry draft(String id, String aggregateId, long sequence, String type, String json) {
        return AuditIngestor.toDraft(record(event(id, aggregateId, sequence, type, json), sequence));
    }

    /** A draft from another topic or source (a ledger's, a security event without aggregate). */
    public static AuditEntry draftOn(
            String topic, String source, String id, String aggregateId, Long sequence, String type, String json) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create(source))
                .withTime(OffsetDateTime.parse("2018-11-15T10:00:00Z"))
                .withData("application/json", json.getBytes(StandardCharsets.UTF_8));
        if (aggregateId != null) {
            builder.withSubject(aggregateId).withExtension("aggregatesequence", Long.toString(sequence));
        }
        return AuditIngestor.toDraft(new ConsumerRecord<>(topic, 0, 0, aggregateId, builder.build()));
    }

    public static AuditEntry draft(String id, String aggregateId, long sequence) {
        return draft(
                id,
                aggregateId,
                sequence,
                "ProblemItemAdded",
                "{\"interviewId\":\"" + aggregateId + "\",\"item\":{\"itemId\":\"p-" + sequence + "\",\"text\":\"问题\"},"
                        + "\"listVersion\":" + sequence
                        + ",\"interviewee\":{\"unitId\":\"nb-coop\",\"jurisdictionId\":\"ningbo\"}}");
    }
}
