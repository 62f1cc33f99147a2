package io.sanjiaodi.supervision;

import io.sanjiaodi.supervision.projection.ModelCollections;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Supervision query models, exports and the dashboard. Runs inside audit-service (the service
 * that consumes every topic already), as its own Kafka consumer group, so that its projections can
 * be rebuilt from the topics without touching the audit trail. Switched on explicitly
 * ({@code supervision.enabled=true}): a service that merely has this jar on its classpath must not
 * join the {@code supervision} consumer group. The host provides the {@link java.time.Clock} bean
 * the queries take "today" from (audit-service's, which its audit log uses too).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "supervision.enabled", havingValue = "true")
@ComponentScan
@EnableConfigurationProperties(DashboardProperties.class)
public class SupervisionAutoConfiguration {

    /** The generation of the models that is read, as the last completed rebuild left it. */
    @Bean
    ModelCollections supervisionModelCollections(MongoTemplate mongo) {
        return ModelCollections.load(mongo);
    }
}
