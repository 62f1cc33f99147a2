package io.sanjiaodi.audit.leader;

import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.completeness.ProducerIndex;
import io.sanjiaodi.audit.completeness.ProducerStatements;
import io.sanjiaodi.audit.ingest.AuditLog;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** One writer among the audit-service instances (README "One writer, hot standbys"). */
@Configuration
class WriterConfiguration {

    @Bean
    WriterLease writerLease(MongoTemplate mongo, WriterLeaseProperties properties) {
        return new WriterLease(
                mongo,
                Objects.requireNonNull(
                        properties.instance(), "audit.writer.instance is not set (audit-service.yml sets it)"),
                properties.ttl());
    }

    @Bean
    AuditWriter auditWriter(
            WriterLease lease,
            AuditLog log,
            ProducerIndex positions,
            ProducerStatements statements,
            CheckpointService checkpoints,
            KafkaListenerEndpointRegistry registry,
            WriterLeaseProperties properties) {
        return new AuditWriter(lease, log, positions, statements, checkpoints, registry, properties);
    }

    @Bean
    AuditWriterHealthIndicator auditWriterHealthIndicator(AuditWriter writer, WriterLease lease) {
        return new AuditWriterHealthIndicator(writer, lease);
    }
}
