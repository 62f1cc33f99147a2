package io.sanjiaodi.platform.kafka;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.contracts.security.AccessDenied;
import io.sanjiaodi.platform.statements.ProducerPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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
 * together before the batch (and with it the token) commits: one round trip to the broker per
 * batch instead of per event. Order per aggregate is kept by the idempotent producer (one
 * partition per key, at most five requests in flight). If any send fails, the batch rolls back
 * and is published again, duplicates included. An event the broker will never take goes to the
 * processor's dead-letter queue ({@link OutboxEnqueuePolicy}), so it cannot stop the outbox.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private final KafkaTemplate<String, CloudEvent> template;
    private final CloudEventMapper mapper;
    private final String topic;
    private final ProducerPositions positions;
    /** Events whose send failed for their own sake inside a batch: sent alone on the retry. */
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();

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
        CompletableFuture<?> sent;
        try {
            sent = template.send(CloudEventMapper.withTraceHeader(
                    new ProducerRecord<>(topicFor(payload), CloudEventMapper.recordKey(cloudEvent), cloudEvent)));
        } catch (org.springframework.kafka.KafkaException refused) {
            throw kafkasOwn(refused);
        }
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            awaitAlone(event, sent);
            return;
        }
        List<Sent> pending = batch.root().getOrComputeResource(PENDING, key -> {
            List<Sent> sends = new ArrayList<>();
            // Before the batch (and with it the token) commits, whichever event of the batch came
            // last: a failure here rolls the batch back and the processor sends it again.
            batch.root().onPrepareCommit(uow -> awaitAll(sends));
            return sends;
        });
        if (sent.isDone() || suspects.contains(event.getIdentifier())) {
            // refused at once (the producer checks the size), or the culprit of a failed batch:
            // its own failure is thrown from its own handling, where it can be dead-lettered
            awaitAlone(event, sent);
        } else {
            pending.add(new Sent(event.getIdentifier(), sent));
        }
    }

    private void awaitAlone(EventMessage<?> event, CompletableFuture<?> sent) throws Exception {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw kafkasOwn(failed);
        } finally {
            suspects.remove(event.getIdentifier());
        }
    }

    /**
     * Waits for every acknowledgement of the batch. An event the broker refused for itself (too
     * large for the topic) becomes a suspect: on the retry it is sent alone, so that its failure is
     * its own and the dead-letter queue takes it, with the later events of its aggregate.
     */
    private void awaitAll(List<Sent> pending) {
        int failed = 0;
        Throwable first = null;
        try {
            for (Sent each : pending) {
                try {
                    each.future().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failed++;
                    first = first == null ? e.getCause() : first;
                    if (OutboxEnqueuePolicy.isTheEventsFault(e.getCause())) {
                        suspects.add(each.eventId());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge within 30 s", e);
        } finally {
            pending.clear();
        }
        if (failed > 0) {
            throw new OutboxEnqueuePolicy.BatchNotPublished(failed, first);
        }
    }

    /**
     * The producer's own exception (RecordTooLargeException, TimeoutException...) without Spring's
     * and the future's wrappers: it is what the dead-letter queue records as the cause.
     */
    private static Exception kafkasOwn(Exception failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof org.springframework.kafka.KafkaException)
                && t.getCause() instanceof Exception) {
            t = t.getCause();
        }
        return (Exception) t;
    }

    private record Sent(String eventId, CompletableFuture<?> future) {}

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
