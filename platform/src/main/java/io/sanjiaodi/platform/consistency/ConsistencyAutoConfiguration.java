package io.sanjiaodi.platform.consistency;

import io.micrometer.core.instrument.MeterRegistry;
import io.sanjiaodi.platform.axon.EventStoreProperties;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes for every service with an event store (the token on commands, the wait on
 * queries), and the processors' positions as metrics.
 */
@AutoConfiguration(after = io.sanjiaodi.platform.axon.AxonJdbcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({DataSource.class, EventStoreProperties.class, EventStore.class})
@EnableConfigurationProperties(ConsistencyProperties.class)
public class ConsistencyAutoConfiguration {

    /** Registered on the event store, so that every event a request's command publishes is seen. */
    @Bean
    SmartInitializingSingleton consistencyRecorder(EventStore eventStore) {
        return () -> eventStore.registerDispatchInterceptor(new ConsistencyRecorder());
    }

    @Bean
    WebMvcConfigurer consistencyInterceptor(
            DataSource dataSource,
            EventStoreProperties eventStore,
            Serializer serializer,
            ObjectProvider<EventProcessingConfiguration> processing,
            ConsistencyProperties properties) {
        ReadModelPositions positions = new ReadModelPositions(
                new JdbcTemplate(dataSource),
                eventStore.schema(),
                serializer,
                payloadType -> queried(processing.getIfAvailable(), properties, payloadType));
        ConsistencyInterceptor interceptor =
                new ConsistencyInterceptor(positions, properties.maxWait(), properties.poll());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    /**
     * {@code sanjiaodi.event.store.head}, and per streaming processor {@code sanjiaodi.processor.position}
     * and {@code sanjiaodi.processor.lag} (events stored, not yet handled): registered once the
     * processors exist (after the context started), read from the stores on a scrape.
     */
    @Bean
    ApplicationListener<ApplicationStartedEvent> eventProcessorLagMetrics(
            ObjectProvider<MeterRegistry> meters,
            DataSource dataSource,
            EventStoreProperties eventStore,
            Serializer serializer,
            ObjectProvider<EventProcessingConfiguration> processing) {
        return started -> {
            MeterRegistry registry = meters.getIfAvailable();
            EventProcessingConfiguration processors = processing.getIfAvailable();
            if (registry == null || processors == null) {
                return;
            }
            List<String> streaming = processors.eventProcessors().entrySet().stream()
                    .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                    .map(Map.Entry::getKey)
                    .toList();
            new ProcessorLag(new JdbcTemplate(dataSource), eventStore.schema(), serializer)
                    .register(registry, streaming);
        };
    }

    /** The streaming processors a query may read the models of that handle events of {@code payloadType}. */
    private static Collection<String> queried(
            EventProcessingConfiguration processing, ConsistencyProperties properties, Class<?> payloadType) {
        if (processing == null) {
            return List.of();
        }
        Map<String, EventProcessor> processors = processing.eventProcessors();
        return processors.entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .filter(e -> !(e.getValue() instanceof AbstractEventProcessor handling)
                        || handling.eventHandlerInvoker().canHandleType(payloadType))
                .map(Map.Entry::getKey)
                .filter(name -> !properties.notQueried().contains(name))
                .toList();
    }
}
