package io.sanjiaodi.supervision.intake;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.supervision.projection.EventPayloads;
import io.sanjiaodi.supervision.projection.RecordedEvent;
import java.io.IOException;
import java.time.Instant;

/** A CloudEvent from the topics as the projections read it; null for an envelope without data or subject. */
final class RecordedEvents {

    private RecordedEvents() {}

    static RecordedEvent of(CloudEvent event) throws IOException {
        if (event.getData() == null || event.getSubject() == null) {
            return null;
        }
        Object sequence = event.getExtension(CloudEventAttributes.AGGREGATE_SEQUENCE);
        Object type = event.getExtension(CloudEventAttributes.AGGREGATE_TYPE);
        Object payload = EventPayloads.read(event.getType(), event.getData().toBytes());
        Instant time = event.getTime() == null ? Instant.now() : event.getTime().toInstant();
        return new RecordedEvent(
                event.getId(),
                event.getType(),
                event.getSubject(),
                sequence == null ? 0 : Long.parseLong(sequence.toString()),
                time,
                payload,
                type == null ? null : type.toString());
    }
}
