package io.sanjiaodi.supervision.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.supervision.projection.RecordedEvent;
import io.sanjiaodi.supervision.projection.SupervisionProjector;
import io.sanjiaodi.supervision.web.LiveUpdates;
import java.io.IOException;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Feeds both topics into the supervision projections (consumer group {@code supervision}). The
 * topics keep their events forever, so a rebuild drops the models and reads them from offset 0.
 */
@Component
public class SupervisionIntake extends AbstractConsumerSeekAware {

    private final SupervisionProjector projector;
    private final ObjectMapper json;
    private final LiveUpdates live;

    SupervisionIntake(SupervisionProjector projector, ObjectMapper json, LiveUpdates live) {
        this.projector = projector;
        this.json = json;
        this.live = live;
    }

    @KafkaListener(topics = {Topics.INTERVIEW_EVENTS, Topics.RECTIFICATION_EVENTS}, groupId = "supervision")
    void on(CloudEvent event) throws IOException {
        if (event.getData() == null || event.getSubject() == null) {
            return;
        }
        Object sequence = event.getExtension(CloudEventAttributes.AGGREGATE_SEQUENCE);
        JsonNode payload = json.readTree(event.getData().toBytes());
        Instant time = event.getTime() == null ? Instant.now() : event.getTime().toInstant();
        RecordedEvent recorded = new RecordedEvent(event.getId(), event.getType(), event.getSubject(),
                sequence == null ? 0 : Long.parseLong(sequence.toString()), time, payload);
        if (projector.apply(recorded)) {
            live.changed(recorded);
        }
    }

    /** Drops the models and replays every event of both topics into them. */
    public void rebuild() {
        projector.reset();
        seekToBeginning();
    }
}
