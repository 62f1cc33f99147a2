package io.sanjiaodi.supervision;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * Supervision query models, exports and the dashboard. Runs inside audit-service (the service
 * that consumes every topic already), as its own Kafka consumer group, so that its projections can
 * be rebuilt from the topics without touching the audit trail.
 */
@AutoConfiguration
@ComponentScan
@EnableConfigurationProperties(SupervisionProperties.class)
public class SupervisionAutoConfiguration {
}
