package io.sanjiaodi.audit.ingest;

import io.sanjiaodi.contracts.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each value has one source: the defaults are here, except the key file's, which audit-service.yml
 * sets because its path follows the environment ({@code AUDIT_SIGNING_KEY_FILE}, {@code SANJIAODI_DATA}).
 *
 * @param topics                   the topics the audit trail records; unset, every topic of the published
 *                                 language ({@link Topics#ALL}), so that a topic added to contracts is audited
 *                                 without a second list to keep up to date; set it only to record fewer
 * @param signingKeyFile           PKCS#8 (PEM) Ed25519 private key; its public key sits beside it as {@code <file>.pub};
 *                                 both are generated on first start when absent
 * @param checkpointIntervalMillis how often a checkpoint is signed while the log grows
 */
@ConfigurationProperties("audit")
public record AuditProperties(
        List<String> topics,
        Path signingKeyFile,
        @DefaultValue("2000") long checkpointIntervalMillis) {

    public AuditProperties {
        topics = topics == null ? Topics.ALL : List.copyOf(topics);
        Objects.requireNonNull(signingKeyFile, "audit.signing-key-file is not set (audit-service.yml sets it)");
    }
}
