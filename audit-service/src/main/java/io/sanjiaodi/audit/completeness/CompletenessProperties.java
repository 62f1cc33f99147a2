package io.sanjiaodi.audit.completeness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The check of the log against the producers' statements.
 *
 * @param grace         how long a shortfall is "pending" after the statement that shows it arrived
 *                      (the log may simply be behind the producer) before it is "missing"
 * @param producerKeys  producer name to its Ed25519 public key (PEM or base64 X.509); a producer
 *                      not listed is trusted on first use: the key of its first statement is
 *                      pinned in {@code producer_keys} and every later one must verify against it
 * @param withholdTypes a test hook, empty in every real deployment: events of these CloudEvents
 *                      types are not recorded at all (the system test's withheld event)
 */
@ConfigurationProperties("audit.completeness")
public record CompletenessProperties(
        @DefaultValue("30s") Duration grace, Map<String, String> producerKeys, List<String> withholdTypes) {

    public CompletenessProperties {
        producerKeys = producerKeys == null ? Map.of() : Map.copyOf(producerKeys);
        withholdTypes = withholdTypes == null ? List.of() : List.copyOf(withholdTypes);
    }

    public static CompletenessProperties defaults() {
        return new CompletenessProperties(Duration.ofSeconds(30), Map.of(), List.of());
    }
}
