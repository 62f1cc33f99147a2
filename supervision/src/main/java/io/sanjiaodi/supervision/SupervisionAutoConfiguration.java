package io.sanjiaodi.supervision;

import io.sanjiaodi.contracts.rectification.WarningLevel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.env.Environment;

/**
 * Supervision query models, exports and the dashboard. Runs inside audit-service (the service
 * that consumes every topic already), as its own Kafka consumer group, so that its projections can
 * be rebuilt from the topics without touching the audit trail. Switched on explicitly
 * ({@code supervision.enabled=true}): a service that merely has this jar on its classpath must not
 * join the {@code supervision} consumer group. The host provides the {@link java.time.Clock} bean
 * the queries take "today" from (audit-service's, which its audit log uses too).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "supervision.enabled", havingValue = "true")
@ComponentScan
@EnableConfigurationProperties(DashboardProperties.class)
public class SupervisionAutoConfiguration {

    static final String WARNINGS = "sanjiaodi.warnings";

    /**
     * The deadline-warning thresholds under the one key every read model shares, set once in
     * platform's {@code sanjiaodi-common.yml} (which the host's yml imports): supervision has no
     * default of its own, so its colours can never drift from the ledgers'.
     */
    @Bean
    @ConditionalOnMissingBean
    WarningLevel.Thresholds warningThresholds(Environment environment) {
        return Binder.get(environment)
                .bind(WARNINGS, WarningLevel.Thresholds.class)
                .orElseThrow(() ->
                        new IllegalStateException(WARNINGS + ".yellow-days and .orange-days are not set; platform's "
                                + "sanjiaodi-common.yml sets them and the host's yml must import it"));
    }
}
