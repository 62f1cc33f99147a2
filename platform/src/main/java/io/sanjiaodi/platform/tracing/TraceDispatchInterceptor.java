package io.sanjiaodi.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.contracts.TraceParent;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Puts the current span's W3C trace context into the metadata of every command sent within it (an
 * HTTP request's, or a Kafka record's a consumer handles); the correlation data then carry it onto
 * every event the command causes, and the outbox relay onto the event's CloudEvent
 * ({@code traceparent}), sampled or not. A command sent outside any request or record (by an
 * event handler of a tracking processor) carries none.
 */
public class TraceDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Tracer tracer;

    public TraceDispatchInterceptor(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Span span = tracer.currentSpan();
            if (span == null) {
                return command;
            }
            TraceContext context = span.context();
            String traceparent =
                    TraceParent.of(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled()));
            return traceparent == null
                    ? command
                    : command.andMetaData(Map.of(CloudEventAttributes.TRACE_PARENT, traceparent));
        };
    }
}
