package io.sanjiaodi.platform.kafka.deadletter;

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
    DeadLetterController deadLetterController(DeadLetterStore store, DeadLetterRetrier retrier) {
        return new DeadLetterController(store, retrier);
    }

    @Bean(name = "deadLettersHealthIndicator")
    DeadLetterHealthIndicator deadLettersHealthIndicator(DeadLetterStore store) {
        return new DeadLetterHealthIndicator(store);
    }
}
