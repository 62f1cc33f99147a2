package io.sanjiaodi.audit.config;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.audit.ingest.AuditProperties;
import io.sanjiaodi.platform.kafka.deadletter.DeadLetters;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
@EnableScheduling
class AuditConfiguration {

    /** The topic array {@code @KafkaListener} reads through SpEL ({@code #{@auditTopics}}). */
    @Bean
    String[] auditTopics(AuditProperties properties) {
        return properties.topics().toArray(String[]::new);
    }

    /**
     * The checkpoint interval {@code @Scheduled} reads through SpEL ({@code #{@checkpointIntervalMillis}}),
     * so that the properties record's default is the only one.
     */
    @Bean
    Long checkpointIntervalMillis(AuditProperties properties) {
        return properties.checkpointIntervalMillis();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Batches on one thread: one consumer for all partitions keeps log indexes race-free, and a
     * batch is one MongoDB insert. Offsets are committed after the batch is stored; a failing
     * batch is retried whole (the log skips what it already holds), never skipped: every exception
     * is retryable here, since spring-kafka's default would hand a "fatal" one to a recoverer that
     * logs the batch and commits past it. Poison records are parked by the listener itself, and
     * the later records of a parked key by the dead letters' batch interceptor.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> auditListenerContainerFactory(
            ConsumerFactory<String, CloudEvent> consumerFactory, DeadLetters deadLetters) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
        factory.setConsumerFactory(consumerFactory);
        factory.setBatchListener(true);
        factory.setConcurrency(1);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(backOff);
        errorHandler.setClassifications(Map.of(), true);
        factory.setCommonErrorHandler(errorHandler);
        factory.setBatchInterceptor(batchInterceptor(deadLetters));
        return factory;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BatchInterceptor<String, CloudEvent> batchInterceptor(DeadLetters deadLetters) {
        return (BatchInterceptor) deadLetters;
    }
}
