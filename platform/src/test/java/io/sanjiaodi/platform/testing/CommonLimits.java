package io.sanjiaodi.platform.testing;

import io.sanjiaodi.platform.settings.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The {@link Limits} exactly as {@code sanjiaodi-common.yml} sets them, for aggregate fixtures
 * ({@code fixture.registerInjectableResource(CommonLimits.load())}): tests run against the values
 * the services run with, and no test keeps a copy of them.
 */
public final class CommonLimits {

    private CommonLimits() {}

    public static Limits load() {
        try {
            var sources = new YamlPropertySourceLoader().load("common", new ClassPathResource("sanjiaodi-common.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind(Limits.PREFIX, Limits.class)
                    .orElseThrow(() -> new IllegalStateException("sanjiaodi-common.yml sets no " + Limits.PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
