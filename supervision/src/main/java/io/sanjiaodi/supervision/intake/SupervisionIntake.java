package io.sanjiaodi.supervision.intake;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.supervision.projection.ModelCollections;
import io.sanjiaodi.supervision.projection.RecordedEvent;
import io.sanjiaodi.supervision.projection.SupervisionProjector;
import io.sanjiaodi.supervision.web.LiveUpdates;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Feeds both topics into the supervision projections (consumer group {@code supervision}), one
 * event at a time so that the dashboard sees a change within milliseconds; an event that shows its
 * model missed some first has them read back from its partition ({@link PartitionHistory}). The
 * topics keep their events forever, so a rebuild replays them in large batches into a new
 * generation of the models while this listener is paused and the dashboard reads the old one; the
 * switch happens only once the replay is complete ({@link ModelCollections}), and the listener
 * then resumes where it was.
 */
@Component
public class SupervisionIntake implements DisposableBean {

    static final String LISTENER_ID = "supervision-intake";
    private static final Logger log = LoggerFactory.getLogger(SupervisionIntake.class);
    private static final List<String> TOPICS = List.of(Topics.INTERVIEW_EVENTS, Topics.RECTIFICATION_EVENTS);
    private final SupervisionProjector projector;
    private final LiveUpdates live;
    private final KafkaListenerEndpointRegistry listeners;
    private final MongoTemplate mongo;
    private final ModelCollections collections;
    private final Map<String, Object> consumerConfig;
    private final PartitionHistory history;
    private final ExecutorService rebuilder =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "supervision-rebuild"));
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicReference<SupervisionReplay.Result> lastRebuild = new AtomicReference<>();
    /** why the latest rebuild failed, or null when it succeeded (or none ran) */
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    SupervisionIntake(
            SupervisionProjector projector,
            LiveUpdates live,
            KafkaListenerEndpointRegistry listeners,
            ConsumerFactory<String, CloudEvent> consumers,
            MongoTemplate mongo,
            ModelCollections collections) {
        this.projector = projector;
        this.live = live;
        this.listeners = listeners;
        this.mongo = mongo;
        this.collections = collections;
        this.consumerConfig = consumers.getConfigurationProperties();
        this.history = new PartitionHistory(consumerConfig);
    }

    // audit-service sets auto-startup false and starts it on its writer instance only
    @KafkaListener(
            id = LISTENER_ID,
            autoStartup = "${supervision.intake.auto-startup:true}",
            topics = {Topics.INTERVIEW_EVENTS, Topics.RECTIFICATION_EVENTS},
            groupId = "supervision")
    void on(ConsumerRecord<String, CloudEvent> record) throws IOException {
        RecordedEvent recorded = record.value() == null ? null : RecordedEvents.of(record.value());
        if (recorded != null
                && projector.apply(recorded, history.before(record.topic(), record.partition(), record.offset()))) {
            live.changed(recorded);
        }
    }

    /**
     * Replays every event of both topics into a new generation of the models, in the background,
     * and switches the dashboard over to it once it is complete.
     *
     * @return false if a rebuild is already running
     */
    public boolean rebuild() {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER_ID);
        if (!container.isRunning()) {
            // a standby instance (its listener is not running): a generation switched here would
            // leave the writer's live listener applying events to the old one
            throw Refusal.conflict(
                    "SUPERVISION_INTAKE_NOT_RUNNING", "the supervision models are written by another instance");
        }
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        container.pause();
        rebuilder.execute(() -> {
            try {
                if (!awaitPaused(container)) {
                    // dropping the models while the live listener still applies events would let
                    // it run ahead of the replay, whose older events the sequence guard then skips
                    log.warn("supervision rebuild not started: the live listener did not pause within 30 s");
                    return;
                }
                lastRebuild.set(rebuildNextGeneration());
            } finally {
                container.resume();
                rebuilding.set(false);
            }
        });
        return true;
    }

    /** A replay that fails (a store or broker outage) drops its half-built generation; the old one stays. */
    private SupervisionReplay.Result rebuildNextGeneration() {
        ModelCollections.Names next = collections.prepareNext(mongo);
        try {
            SupervisionReplay.Result result = new SupervisionReplay(
                            consumerConfig, new SupervisionProjector(mongo, ModelCollections.fixed(next)))
                    .replay(TOPICS);
            collections.switchTo(mongo, next);
            lastFailure.set(null);
            return result;
        } catch (RuntimeException e) {
            lastFailure.set(java.time.Instant.now() + " " + e);
            collections.abandon(mongo, next);
            log.error("supervision rebuild failed; the models of generation {} stay", collections.active(), e);
            return lastRebuild.get();
        }
    }

    public boolean isRebuilding() {
        return rebuilding.get();
    }

    public Optional<SupervisionReplay.Result> lastRebuild() {
        return Optional.ofNullable(lastRebuild.get());
    }

    /** Why the latest rebuild failed (when, and the error), if it did: its figures are not those of {@link #lastRebuild()}. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** The event in hand when the pause was asked for must be applied before the models are dropped. */
    private static boolean awaitPaused(MessageListenerContainer container) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (container.isRunning() && !container.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void destroy() {
        rebuilder.shutdownNow();
    }
}
