package io.sanjiaodi.platform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/** The two dependencies every service needs: they appear as {@code mongo} and {@code kafka} in /actuator/health. */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
public class HealthAutoConfiguration {

    /** Named so that Spring Boot's own Mongo indicator backs off. */
    @Bean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongoTemplate) {
        return new MongoPingHealthIndicator(mongoTemplate);
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties());
    }
}
