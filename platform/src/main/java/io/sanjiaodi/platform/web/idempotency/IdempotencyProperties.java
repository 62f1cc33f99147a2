package io.sanjiaodi.platform.web.idempotency;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sanjiaodi.idempotency} (defaults in sanjiaodi-common.yml).
 *
 * @param abandonAfter how long a claimed key waits for its request before a retry may take it over
 *                     (longer than any command takes; the process that claimed it has died)
 * @param keep         how long a key and its first response are kept (the draft suggests at least a day)
 */
@ConfigurationProperties("sanjiaodi.idempotency")
public record IdempotencyProperties(Duration abandonAfter, Duration keep) {

    public IdempotencyProperties {
        Objects.requireNonNull(abandonAfter, "sanjiaodi.idempotency.abandon-after is not set");
        Objects.requireNonNull(keep, "sanjiaodi.idempotency.keep is not set");
    }
}
