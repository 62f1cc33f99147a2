package io.sanjiaodi.audit.ingest;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param topics every topic the audit trail records; a new service's topic is added here, not in code */
@ConfigurationProperties("audit")
public record AuditProperties(@DefaultValue({"interview.events", "rectification.events"}) List<String> topics) {
}
