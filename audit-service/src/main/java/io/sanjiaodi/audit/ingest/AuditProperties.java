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
 * @param origin                   the log's identity in C2SP checkpoints (their first line and the key name of
 *                                 the log's note signature): a schema-less URL-like name, no spaces, no '+';
 *                                 audit-service.yml sets it ({@code AUDIT_ORIGIN}). Changing it makes a new log
 *                                 identity for every client and witness
 */
@ConfigurationProperties("audit")
public record AuditProperties(
        List<String> topics,
        Path signingKeyFile,
        @DefaultValue("2000") long checkpointIntervalMillis,
        String origin) {

    public AuditProperties {
        topics = topics == null ? Topics.ALL : List.copyOf(topics);
        Objects.requireNonNull(signingKeyFile, "audit.signing-key-file is not set (audit-service.yml sets it)");
        Objects.requireNonNull(origin, "audit.origin is not set (audit-service.yml sets it)");
        if (origin.isEmpty() || origin.contains("+") || origin.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("audit.origin is a name without spaces or '+', e.g. example.org/log");
        }
    }
}
