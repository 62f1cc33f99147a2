package io.sanjiaodi.platform.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.contracts.TraceParent;
import io.sanjiaodi.platform.security.ActorMetaData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Revision;

/** Translates between Axon event messages and the CloudEvents envelope of the published language. */
public class CloudEventMapper {

    private final ObjectMapper objectMapper;
    private final URI source;

    public CloudEventMapper(ObjectMapper objectMapper, String source) {
        this.objectMapper = objectMapper;
        this.source = URI.create(source);
    }

    public CloudEvent toCloudEvent(EventMessage<?> event) {
        return toCloudEvent(event, null);
    }

    /** @param producerSequence the event's position in the producer's stream, or null where it has none */
    public CloudEvent toCloudEvent(EventMessage<?> event, Long producerSequence) {
        Object payload = event.getPayload();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withType(payload.getClass().getSimpleName())
                .withSource(source)
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(serialize(payload));
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        if (revision != null) {
            builder.withExtension(CloudEventAttributes.EVENT_REVISION, revision.value());
        }
        if (event instanceof DomainEventMessage<?> domain && domain.getType() != null) {
            builder.withSubject(domain.getAggregateIdentifier())
                    .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, Long.toString(domain.getSequenceNumber()))
                    .withExtension(CloudEventAttributes.AGGREGATE_TYPE, domain.getType());
        }
        if (producerSequence != null) {
            builder.withExtension(CloudEventAttributes.PRODUCER_SEQUENCE, Long.toString(producerSequence));
        }
        Object correlationId = event.getMetaData().get("correlationId");
        if (correlationId != null) {
            builder.withExtension(CloudEventAttributes.CORRELATION_ID, correlationId.toString());
        }
        // who caused it (security contract): user id, role, unit and jurisdiction as extensions
        extension(builder, event, ActorMetaData.ACTOR, CloudEventAttributes.ACTOR);
        extension(builder, event, ActorMetaData.ROLE, CloudEventAttributes.ACTOR_ROLE);
        extension(builder, event, ActorMetaData.UNIT, CloudEventAttributes.ACTOR_UNIT);
        extension(builder, event, ActorMetaData.JURISDICTION, CloudEventAttributes.ACTOR_JURISDICTION);
        Object traceparent = event.getMetaData().get(CloudEventAttributes.TRACE_PARENT);
        if (traceparent != null && TraceParent.traceId(traceparent.toString()) != null) {
            builder.withExtension(CloudEventAttributes.TRACE_PARENT, traceparent.toString());
        }
        return builder.build();
    }

    /**
     * The record with its event's trace context also as the plain {@code traceparent} header, where
     * tracing consumers (Spring Kafka's observation) look; binary mode carries the extension as
     * {@code ce_traceparent}.
     */
    public static ProducerRecord<String, CloudEvent> withTraceHeader(ProducerRecord<String, CloudEvent> record) {
        Object traceparent = record.value().getExtension(CloudEventAttributes.TRACE_PARENT);
        if (traceparent != null) {
            record.headers()
                    .add(
                            CloudEventAttributes.TRACE_PARENT,
                            traceparent.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    private static void extension(CloudEventBuilder builder, EventMessage<?> event, String key, String name) {
        Object value = event.getMetaData().get(key);
        if (value != null && !value.toString().isBlank()) {
            builder.withExtension(name, value.toString());
        }
    }

    /** The Kafka record key: the aggregate id keeps one aggregate's events in one partition, in order. */
    public static String recordKey(CloudEvent event) {
        return event.getSubject() != null ? event.getSubject() : event.getId();
    }

    public <T> T payload(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("CloudEvent " + event.getId() + " carries no data");
        }
        try {
            return objectMapper.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "CloudEvent " + event.getId() + " is not a valid " + type.getSimpleName(), e);
        }
    }

    private byte[] serialize(Object payload) {
        try {
            return objectMapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + payload.getClass().getName(), e);
        }
    }
}
