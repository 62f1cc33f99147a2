package io.sanjiaodi.platform.kafka;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.contracts.security.AccessDenied;
import io.sanjiaodi.platform.statements.ProducerPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay: a streaming processor reads the service's own event store and publishes each
 * event to the service's topic. The processor's token is stored in PostgreSQL only after the broker
 * acknowledged the send (acks=all), so a crash re-sends rather than skips; consumers deduplicate
 * by the CloudEvents id.
 * <p>
 * The events of one processor batch are sent without waiting for each other and acknowledged
 * together at the batch's last event, before the batch (and with it the token) commits: one
 * round trip to the broker per batch instead of per event. Order per aggregate is kept by the
 * idempotent producer (one partition per key, at most five requests in flight). If any send
 * fails, the batch rolls back and is published again, duplicates included.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private final KafkaTemplate<String, CloudEvent> template;
    private final CloudEventMapper mapper;
    private final String topic;
    private final ProducerPositions positions;

    public KafkaEventPublisher(KafkaTemplate<String, CloudEvent> template, CloudEventMapper mapper, String topic) {
        this(template, mapper, topic, null);
    }

    /** @param positions numbers each event's place in the producer's stream ({@code producerseq}); null: none */
    public KafkaEventPublisher(
            KafkaTemplate<String, CloudEvent> template,
            CloudEventMapper mapper,
            String topic,
            ProducerPositions positions) {
        this.template = template;
        this.mapper = mapper;
        this.topic = topic;
        this.positions = positions;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) throws Exception {
        CloudEvent cloudEvent = mapper.toCloudEvent(event, producerSequence(event));
        CompletableFuture<?> sent = template.send(
                new ProducerRecord<>(topicFor(payload), CloudEventMapper.recordKey(cloudEvent), cloudEvent));
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            sent.get(30, TimeUnit.SECONDS);
            return;
        }
        List<CompletableFuture<?>> pending = batch.root().getOrComputeResource(PENDING, key -> new ArrayList<>());
        pending.add(sent);
        if (batch.isLastMessage()) {
            // Waiting here keeps the token behind the broker's acknowledgement; an exception makes
            // the processor retry the whole batch with back-off instead of moving on.
            for (CompletableFuture<?> each : pending) {
                each.get(30, TimeUnit.SECONDS);
            }
            pending.clear();
        }
    }

    /** The event's rank in the store by global index (the tracking token's position), or null. */
    private Long producerSequence(EventMessage<?> event) {
        if (positions == null || !(event instanceof TrackedEventMessage<?> tracked)) {
            return null;
        }
        TrackingToken token = WrappedToken.unwrapLowerBound(tracked.trackingToken());
        OptionalLong index = token == null ? OptionalLong.empty() : token.position();
        return index.isPresent() ? positions.positionOf(index.getAsLong()) : null;
    }

    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    /** Security audit events (refused requests) of every service share one topic; the rest go to the service's own. */
    private String topicFor(Object payload) {
        return payload instanceof AccessDenied ? Topics.SECURITY_EVENTS : topic;
    }
}
