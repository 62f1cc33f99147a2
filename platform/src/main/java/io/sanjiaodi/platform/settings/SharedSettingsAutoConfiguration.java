package io.sanjiaodi.platform.settings;

import io.sanjiaodi.contracts.rectification.WarningLevel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Settings the published language defines and every service reads alike, bound once here beside
 * the one file that sets them ({@code sanjiaodi-common.yml}), so no service keeps a copy of the
 * binding or a default of its own.
 */
@AutoConfiguration
public class SharedSettingsAutoConfiguration {

    static final String WARNINGS = "sanjiaodi.warnings";

    /**
     * The deadline-warning thresholds of {@link WarningLevel}: the ledgers and supervision read the
     * same two values, so they never colour the same task differently. No default: a missing key is a
     * configuration error, not a reason to invent other thresholds.
     */
    @Bean
    @ConditionalOnMissingBean
    public WarningLevel.Thresholds warningThresholds(Environment environment) {
        return Binder.get(environment)
                .bind(WARNINGS, WarningLevel.Thresholds.class)
                .orElseThrow(() -> new IllegalStateException(WARNINGS + ".yellow-days and .orange-days are not"
                        + " set; platform's sanjiaodi-common.yml sets them and the service's yml must import it"));
    }

    /**
     * The count limits every aggregate enforces ({@link Limits}). Bound here like the thresholds, so
     * that interview-service and rectification-service read one set of values; the aggregates take
     * the bean as a command-handler parameter (Axon resolves Spring beans), which keeps them free of I/O.
     */
    @Bean
    @ConditionalOnMissingBean
    public Limits limits(Environment environment) {
        return Binder.get(environment)
                .bind(Limits.PREFIX, Limits.class)
                .orElseThrow(() -> new IllegalStateException(Limits.PREFIX + ".* is not set; platform's"
                        + " sanjiaodi-common.yml sets it and the service's yml must import it"));
    }
}
