package io.sanjiaodi.platform.statements;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.sanjiaodi.platform.PlatformProperties;
import io.sanjiaodi.platform.kafka.KafkaBridgeAutoConfiguration;
import io.sanjiaodi.platform.kafka.KafkaEventPublisher;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Producer statements for every service that publishes (an outbox relay over its own event store):
 * the key, its open endpoint and the publisher on its own daemon thread every
 * {@code sanjiaodi.statements.interval}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaBridgeAutoConfiguration.class})
@ConditionalOnProperty(
        name = {"sanjiaodi.publish-topic", "sanjiaodi.statements.enabled"},
        matchIfMissing = false)
@EnableConfigurationProperties(StatementProperties.class)
@Import(ProducerKeyController.class)
public class StatementsAutoConfiguration {

    @Bean
    ProducerKey producerKey(StatementProperties properties) {
        return new ProducerKey(properties.keyFile());
    }

    @Bean
    StatementPublisher statementPublisher(
            DataSource dataSource,
            ObjectProvider<EventProcessingConfiguration> processing,
            ProducerKey key,
            KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate,
            ObjectMapper objectMapper,
            PlatformProperties platform) {
        return new StatementPublisher(
                new EventStoreStream(dataSource),
                relayPosition(processing),
                key,
                cloudEventKafkaTemplate,
                objectMapper,
                platform.serviceName(),
                Clock.systemUTC());
    }

    @Bean
    SmartLifecycle statementSchedule(StatementPublisher publisher, StatementProperties properties) {
        return new Schedule(publisher, properties.interval().toMillis());
    }

    /**
     * The relay's committed position when this instance holds all of its segments (the lowest
     * segment's, if it has several), else empty: then another instance runs the relay and states it.
     */
    static Supplier<OptionalLong> relayPosition(ObjectProvider<EventProcessingConfiguration> processing) {
        return () -> {
            EventProcessingConfiguration config = processing.getIfAvailable();
            if (config == null) {
                return OptionalLong.empty();
            }
            return config.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .map(p -> position(p.processingStatus()))
                    .orElse(OptionalLong.empty());
        };
    }

    static OptionalLong position(Map<Integer, EventTrackerStatus> status) {
        double covered = 0;
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            covered += 1.0 / (segment.getSegment().getMask() + 1L);
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            lowest = Math.min(lowest, token == null ? -1 : token.position().orElse(-1));
        }
        return covered < 0.999 || lowest < 0 ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /** A daemon thread, so a stopped service's JVM is never held open by it. */
    static final class Schedule implements SmartLifecycle {
        private final StatementPublisher publisher;
        private final long intervalMillis;
        private ScheduledExecutorService executor;

        Schedule(StatementPublisher publisher, long intervalMillis) {
            this.publisher = publisher;
            this.intervalMillis = intervalMillis;
        }

        @Override
        public synchronized void start() {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "producer-statements");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(publisher::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void stop() {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return executor != null;
        }
    }
}
