package io.sanjiaodi.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.sanjiaodi.contracts.CloudEventAttributes;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * One trace from the browser's request to the audit entry (docs/architecture.md, "Tracing"): Spring
 * MVC's and Spring Kafka's observations make the spans (sampling and OTLP export in
 * sanjiaodi-common.yml), this carries their context over Axon: into each command's metadata, from
 * there onto its events, and with them onto the Kafka records.
 */
@AutoConfiguration
public class TracingAutoConfiguration {

    /** The trace context goes from the command onto every event it causes. */
    @Bean
    CorrelationDataProvider traceCorrelationData() {
        return new SimpleCorrelationDataProvider(CloudEventAttributes.TRACE_PARENT);
    }

    @Bean
    SmartInitializingSingleton traceOnCommands(ObjectProvider<CommandBus> commandBus, ObjectProvider<Tracer> tracer) {
        return () -> tracer.ifAvailable(
                t -> commandBus.ifAvailable(bus -> bus.registerDispatchInterceptor(new TraceDispatchInterceptor(t))));
    }
}
