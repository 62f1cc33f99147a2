package io.sanjiaodi.rectification;

import io.sanjiaodi.contracts.rectification.WarningLevel;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(RectificationProperties.class)
class RectificationConfiguration {

    /** The one source of "today": tests replace it to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(RectificationProperties settings) {
        return Clock.system(settings.zone());
    }

    /**
     * The deadline-warning thresholds, bound from the one key every read model shares
     * ({@code sanjiaodi.warnings}, set in platform's sanjiaodi-common.yml), so the ledgers and
     * supervision never colour the same task differently. No default here: a missing key is a
     * configuration error, not a reason to invent other thresholds.
     */
    @Bean
    WarningLevel.Thresholds warningThresholds(Environment environment) {
        return Binder.get(environment)
                .bind("sanjiaodi.warnings", WarningLevel.Thresholds.class)
                .orElseThrow(() -> new IllegalStateException("sanjiaodi.warnings.yellow-days and orange-days are"
                        + " not configured; the service's yml imports them from sanjiaodi-common.yml"));
    }
}
