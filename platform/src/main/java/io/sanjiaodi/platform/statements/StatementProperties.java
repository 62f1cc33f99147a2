package io.sanjiaodi.platform.statements;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The producer statements of a publishing service; the defaults are in {@code sanjiaodi-common.yml}
 * because the key file's path follows the environment ({@code SANJIAODI_DATA}) and the service name.
 *
 * @param enabled  whether the service signs and publishes statements at all
 * @param interval how often a statement is signed while the stream grows (and once after a start)
 * @param keyFile  PKCS#8 (PEM) Ed25519 private key, its public key beside it as {@code <file>.pub};
 *                 generated on first start, readable by its owner only
 */
@ConfigurationProperties("sanjiaodi.statements")
public record StatementProperties(@DefaultValue("true") boolean enabled, Duration interval, Path keyFile) {

    public StatementProperties {
        Objects.requireNonNull(interval, "sanjiaodi.statements.interval is not set (sanjiaodi-common.yml sets it)");
        Objects.requireNonNull(keyFile, "sanjiaodi.statements.key-file is not set (sanjiaodi-common.yml sets it)");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sanjiaodi.statements.interval must be positive");
        }
    }
}
