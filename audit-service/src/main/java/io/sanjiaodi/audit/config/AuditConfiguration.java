package io.sanjiaodi.audit.config;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.audit.ingest.AuditProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
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
     * batch is retried whole (the log skips what it already holds), never skipped.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> auditListenerContainerFactory(
            ConsumerFactory<String, CloudEvent> consumerFactory) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
        factory.setConsumerFactory(consumerFactory);
        factory.setBatchListener(true);
        factory.setConcurrency(1);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
