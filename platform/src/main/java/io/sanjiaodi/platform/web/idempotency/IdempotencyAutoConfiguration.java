package io.sanjiaodi.platform.web.idempotency;

import io.sanjiaodi.platform.axon.EventStoreProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The Idempotency-Key filter of every service with an event store, after the security filters. */
@AutoConfiguration(after = io.sanjiaodi.platform.axon.AxonJdbcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({DataSource.class, EventStoreProperties.class})
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(
            DataSource dataSource,
            EventStoreProperties eventStore,
            IdempotencyProperties properties,
            ObjectProvider<Clock> clock) {
        return new IdempotencyStore(
                new JdbcTemplate(dataSource),
                eventStore.schema(),
                clock.getIfAvailable(Clock::systemUTC),
                properties.abandonAfter(),
                properties.keep());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, json));
        // after Spring Security's chain: the key belongs to the signed-in user
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
