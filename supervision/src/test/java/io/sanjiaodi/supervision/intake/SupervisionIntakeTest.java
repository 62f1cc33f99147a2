package io.sanjiaodi.supervision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.ModelCollections;
import io.sanjiaodi.supervision.projection.RecordedEvent;
import io.sanjiaodi.supervision.projection.SupervisionProjector;
import io.sanjiaodi.supervision.testing.MongoWire;
import io.sanjiaodi.supervision.web.LiveUpdates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/** The live listener: every event that changed a model is pushed to the stream, and nothing else. */
class SupervisionIntakeTest {

    private final MongoWire store = new MongoWire();
    private final LiveUpdates live = mock(LiveUpdates.class);
    private final SupervisionIntake intake = new SupervisionIntake(
            new SupervisionProjector(store.template(), ModelCollections.first()),
            live,
            mock(KafkaListenerEndpointRegistry.class),
            new DefaultKafkaConsumerFactory<>(Map.of()),
            store.template(),
            ModelCollections.first());

    @AfterEach
    void close() {
        intake.destroy();
        store.close();
    }

    @Test
    void anEventThatChangedAModelIsAppliedAndPushedByItsEnvelope() throws Exception {
        on(event("e1", "RectificationOpened", "ledger-1", "0", """
                {"ledgerId": "ledger-1", "unitId": "yy-hospital", "jurisdictionId": "yuyao", "tasks": []}"""));

        assertThat(store.template().findById("ledger-1", LedgerRecord.class).unitId)
                .isEqualTo("yy-hospital");
        ArgumentCaptor<RecordedEvent> pushed = ArgumentCaptor.forClass(RecordedEvent.class);
        verify(live).changed(pushed.capture());
        assertThat(pushed.getValue())
                .extracting(
                        RecordedEvent::eventId,
                        RecordedEvent::type,
                        RecordedEvent::aggregateId,
                        RecordedEvent::sequence,
                        RecordedEvent::time)
                .containsExactly("e1", "RectificationOpened", "ledger-1", 0L, Instant.parse("2019-03-01T08:00:00Z"));
    }

    @Test
    void aRedeliveredEventAnEventNoModelFollowsAndAnEnvelopeWithoutDataArePushedNot() throws Exception {
        CloudEvent opened = event("e1", "RectificationOpened", "ledger-1", "0", """
                {"ledgerId": "ledger-1", "tasks": []}""");
        on(opened);
        verify(live).changed(any());

        on(opened);
        on(event("e2", "ProblemItemAdded", "iv-1", "3", "{}"));
        on(CloudEventBuilder.v1()
                .withId("e3")
                .withType("TaskPlanned")
                .withSource(URI.create("/sanjiaodi/rectification-service"))
                .withSubject("ledger-1")
                .build());

        verify(live).changed(any());
    }

    @Test
    void anEnvelopeWithoutSequenceOrTimeIsReadAsTheFirstOfItsAggregateAtItsArrival() throws Exception {
        Instant before = Instant.now();
        RecordedEvent recorded = RecordedEvents.of(CloudEventBuilder.v1()
                .withId("e1")
                .withType("TaskPlanned")
                .withSource(URI.create("/sanjiaodi/rectification-service"))
                .withSubject("ledger-1")
                .withData("application/json", "{\"ledgerId\": \"ledger-1\"}".getBytes(StandardCharsets.UTF_8))
                .build());

        assertThat(recorded.sequence()).isZero();
        assertThat(recorded.time()).isAfterOrEqualTo(before);
        assertThat(RecordedEvents.of(CloudEventBuilder.v1()
                        .withId("e2")
                        .withType("TaskPlanned")
                        .withSource(URI.create("/sanjiaodi/rectification-service"))
                        .withData("application/json", "{}".getBytes(StandardCharsets.UTF_8))
                        .build()))
                .isNull();
        verify(live, never()).changed(any());
    }

    private long offset;

    private void on(CloudEvent event) throws Exception {
        intake.on(new ConsumerRecord<>("rectification.events", 0, offset++, event.getSubject(), event));
    }

    private static CloudEvent event(String id, String type, String subject, String sequence, String payload) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create("/sanjiaodi/rectification-service"))
                .withSubject(subject)
                .withTime(OffsetDateTime.parse("2019-03-01T08:00:00Z"))
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, sequence)
                .withData("application/json", payload.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
