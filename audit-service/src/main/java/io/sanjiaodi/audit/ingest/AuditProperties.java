package io.sanjiaodi.audit.ingest;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topics                   every topic the audit trail records; a new service's topic is added here, not in code
 * @param signingKeyFile           PKCS#8 (PEM) Ed25519 private key; its public key sits beside it as {@code <file>.pub};
 *                                 both are generated on first start when absent
 * @param checkpointIntervalMillis how often a checkpoint is signed while the log grows
 */
@ConfigurationProperties("audit")
public record AuditProperties(@DefaultValue({"interview.events", "rectification.events"}) List<String> topics,
                              @DefaultValue("./data/audit-keys/audit-ed25519.pk8") Path signingKeyFile,
                              @DefaultValue("2000") long checkpointIntervalMillis) {
}
