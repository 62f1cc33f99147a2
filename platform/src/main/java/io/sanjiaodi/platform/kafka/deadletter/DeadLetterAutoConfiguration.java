package io.sanjiaodi.platform.kafka.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** The sequenced dead-letter queue every Kafka consumer of a service gets. */
@AutoConfiguration
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterStore deadLetterStore(MongoTemplate mongoTemplate) {
        return new DeadLetterStore(mongoTemplate);
    }

    @Bean
    DeadLetters deadLetters(DeadLetterStore store) {
        return new DeadLetters(store);
    }

    @Bean
    DeadLetterRetrier deadLetterRetrier(KafkaListenerEndpointRegistry registry, DeadLetterStore store) {
        return new DeadLetterRetrier(registry, store);
    }

    @Bean
    DeadLetterController deadLetterController(
            DeadLetterStore store, DeadLetterRetrier retrier, ObjectProvider<OutboxDeadLetters> outbox) {
        return new DeadLetterController(store, retrier, outbox.getIfAvailable());
    }

    @Bean(name = "deadLettersHealthIndicator")
    DeadLetterHealthIndicator deadLettersHealthIndicator(
            DeadLetterStore store, ObjectProvider<OutboxDeadLetters> outbox) {
        return new DeadLetterHealthIndicator(store, outbox.getIfAvailable());
    }

    /**
     * {@code sanjiaodi.dead.letters{kind=consumed|unpublished}} on /actuator/prometheus: records a
     * consumer group set aside, and events the outbox relay could not publish. Anything above 0
     * waits for an operator; an alert belongs on it.
     */
    @Bean
    MeterBinder deadLetterMetrics(DeadLetterStore store, ObjectProvider<OutboxDeadLetters> outbox) {
        return registry -> {
            Gauge.builder("sanjiaodi.dead.letters", store, DeadLetterStore::count)
                    .tag("kind", "consumed")
                    .description("records a consumer group set aside as dead letters")
                    .register(registry);
            OutboxDeadLetters unpublished = outbox.getIfAvailable();
            if (unpublished != null) {
                Gauge.builder("sanjiaodi.dead.letters", unpublished, OutboxDeadLetters::count)
                        .tag("kind", "unpublished")
                        .description("events the outbox relay set aside as dead letters")
                        .register(registry);
            }
        };
    }
}
