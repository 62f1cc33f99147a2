package io.sanjiaodi.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

/** With the OpenTelemetry bridge the services run, not a stand-in tracer. */
class TraceDispatchInterceptorTest {

    private final Tracer tracer =
            new OtelTracer(SdkTracerProvider.builder().build().get("test"), new OtelCurrentTraceContext(), event -> {});
    private final TraceDispatchInterceptor interceptor = new TraceDispatchInterceptor(tracer);

    @Test
    void aCommandSentInASpanCarriesItsTraceContextAndOneSentOutsideNone() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("schedule");
        Span span = tracer.nextSpan().name("request").start();
        CommandMessage<?> traced;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            traced = interceptor.handle(List.of(command)).apply(0, command);
        } finally {
            span.end();
        }
        assertThat(traced.getMetaData())
                .containsEntry(
                        "traceparent",
                        "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");

        CommandMessage<?> outside = interceptor.handle(List.of(command)).apply(0, command);
        assertThat(outside.getMetaData()).doesNotContainKey("traceparent");
    }
}
