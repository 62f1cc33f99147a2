package io.sanjiaodi.audit.config;

import io.sanjiaodi.audit.ingest.AuditProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AuditConfiguration {

    /** The topic array {@code @KafkaListener} reads through SpEL ({@code #{@auditTopics}}). */
    @Bean
    String[] auditTopics(AuditProperties properties) {
        return properties.topics().toArray(String[]::new);
    }
}
