package io.sanjiaodi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.interview.InterviewCancelled;
import io.sanjiaodi.platform.json.EventJson;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay's one promise, in process: the tracking processor stores its position only after
 * the broker acknowledged every send of the batch. Kafka's own {@link MockProducer} stands in for the
 * broker so the test decides when (and whether) each send is acknowledged; the relay, the processor,
 * the event store and the token store are the real ones.
 */
class KafkaEventPublisherTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    /** autoComplete off: a send stays unacknowledged until the test completes or fails it */
    private final MockProducer<String, CloudEvent> broker =
            new MockProducer<>(false, null, new StringSerializer(), nothingSerializer()) {
                @Override
                public void close(Duration timeout) {
                    // KafkaTemplate closes its producer after each send; a real factory hands out a
                    // shared producer whose close does nothing, and so does this one
                }
            };

    private final TrackingEventProcessor relay = TrackingEventProcessor.builder()
            .name(KafkaEventPublisher.PROCESSING_GROUP)
            .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                    .eventHandlers(new KafkaEventPublisher(
                            new KafkaTemplate<>(() -> broker),
                            new CloudEventMapper(EventJson.mapper(), "/sanjiaodi/test"),
                            "interview.events"))
                    // as KafkaBridgeAutoConfiguration sets for every processor: a failed handler fails
                    // the batch (Axon's default would log it and move on, skipping the event)
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .build())
            .messageSource(store)
            .tokenStore(tokens)
            .transactionManager(NoTransactionManager.INSTANCE)
            .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                    .andBatchSize(10)
                    .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS))
            .build();

    @AfterEach
    void stop() {
        relay.shutDown();
        store.shutDown();
    }

    @Test
    void thePositionStaysBehindUntilTheBrokerAcknowledgedEveryEventOfTheBatch() {
        append(3);
        relay.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> broker.history().size() == 3);
        // all three sent, none acknowledged: the relay waits, and its position has not moved
        pause();
        assertThat(broker.history()).hasSize(3);
        assertThat(position()).isEqualTo(-1);

        broker.completeNext();
        broker.completeNext();
        pause();
        assertThat(position()).as("two of three acknowledged").isEqualTo(-1);

        broker.completeNext();
        await().atMost(Duration.ofSeconds(10)).until(() -> position() == 2);
    }

    @Test
    void aFailedSendLeavesThePositionWhereItWasAndTheBatchIsSentAgainNothingSkipped() {
        append(2);
        relay.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> broker.history().size() == 2);
        broker.errorNext(new TimeoutException("broker unreachable"));
        broker.completeNext();
        pause();
        assertThat(position())
                .as("a batch with a failed send does not count as published")
                .isEqualTo(-1);

        // the processor retries the whole batch: both events again, this time acknowledged
        await().atMost(Duration.ofSeconds(15)).until(() -> broker.history().size() == 4);
        broker.completeNext();
        broker.completeNext();
        await().atMost(Duration.ofSeconds(10)).until(() -> position() == 1);
        assertThat(broker.history().stream().map(ProducerRecord::key).toList())
                .as("re-sent in order, duplicates allowed, none skipped")
                .containsExactly("iv-0", "iv-1", "iv-0", "iv-1");
    }

    private void append(int events) {
        store.publish(IntStream.range(0, events)
                .mapToObj(i -> new GenericDomainEventMessage<>(
                        "Interview", "iv-" + i, 0, new InterviewCancelled("iv-" + i, "干部调整")))
                .toList());
    }

    /**
     * The global index of the last event the relay counts as published; -1 before the first. A new
     * processor starts with a replay token whose current position is empty; unwrap it.
     */
    private long position() {
        TrackingToken token = WrappedToken.unwrapLowerBound(tokens.fetchToken(KafkaEventPublisher.PROCESSING_GROUP, 0));
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** Long enough for a relay that does not wait for acknowledgements to have stored its token. */
    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Serializer<CloudEvent> nothingSerializer() {
        return (topic, event) -> new byte[0];
    }
}
